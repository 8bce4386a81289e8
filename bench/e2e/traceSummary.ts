/**
 * A Chromium trace (devtools.timeline) of the page's main thread summarised: each task from the
 * first click on, with its time relative to that click, its length, and what it spent it on.
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; url?: string; functionName?: string; frame?: string } };
}

export function summariseTrace(events: TraceEvent[], minMs = 1): string[] {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (pid: number, tid: number) => events.filter((e) => e.pid === pid && e.tid === tid).length;
  const main = mains.sort((a, b) => count(b.pid, b.tid) - count(a.pid, a.tid))[0];
  if (!main) return ['no renderer main thread in the trace'];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const click = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const t0 = click?.ts ?? mine[0]?.ts ?? 0;
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const out: string[] = [];
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    if (dur < minMs || task.ts < t0) continue;
    const inside = mine.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
    );
    const by = new Map<string, number>();
    for (const e of inside) {
      const d = e.args?.data;
      const what =
        e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule'
          ? `${e.name}(${(d?.url ?? '').split('/').pop()}${d?.functionName ? ' ' + d.functionName : ''})`
          : e.name === 'EventDispatch' || e.name === 'TimerFire'
            ? `${e.name}(${d?.type ?? ''})`
            : e.name;
      by.set(what, Math.max(by.get(what) ?? 0, (e.dur ?? 0) / 1000));
    }
    const top = [...by.entries()]
      .filter(([, ms]) => ms >= 0.5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
      .join(', ');
    out.push(`${((task.ts - t0) / 1000).toFixed(1).padStart(7)} +${dur.toFixed(1).padStart(6)} ms  ${top}`);
  }
  return out;
}
