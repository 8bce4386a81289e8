/**
 * The long tasks of a Chromium trace's renderer main thread, each classified: garbage collection
 * (by kind: Scavenge, MarkCompact and its incremental steps), style/layout/paint, and JavaScript
 * by function (self time from a CDP CPU profile taken at the same time; the profile and the
 * trace share the monotonic clock, in microseconds).
 */
import type { Profile } from './profileSummary';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { type?: string; url?: string; functionName?: string };
    type?: string;
    usedHeapSizeBefore?: number;
    usedHeapSizeAfter?: number;
  };
}

const GC = /^(MinorGC|MajorGC|V8\.GC|BlinkGC|V8\.GCScavenger|V8\.GCFinalizeMC|V8\.GCIncremental|V8\.GCCompactor|V8\.GCScavenge)/;
const RENDER = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'ParseHTML',
  'UpdateLayer',
  'ScheduleStyleRecalculation',
]);

function mainThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const counts = new Map<string, number>();
  for (const e of events) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  return mains.sort(
    (a, b) => (counts.get(`${b.pid}:${b.tid}`) ?? 0) - (counts.get(`${a.pid}:${a.tid}`) ?? 0),
  )[0];
}

/** Sum of the durations of `evs` not nested in another of them (sorted by ts). */
function outermost(evs: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -1;
  for (const e of evs) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

const ms = (us: number) => us / 1000;

/** Self time by function of the profile's samples within [from, to) (µs). */
function jsBetween(p: Profile, from: number, to: number): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from || t >= to) continue;
    const f = byId.get(p.samples[i]!)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anon)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  }
  return self;
}

export function classifyLongTasks(events: TraceEvent[], profile: Profile | null, minMs = 50): string[] {
  const main = mainThread(events);
  if (!main) return ['no renderer main thread in the trace'];
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const click = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const t0 = click?.ts ?? mine[0]?.ts ?? 0;
  const tasks = mine.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= t0,
  );
  const out: string[] = [];
  const totals = { tasks: 0, gc: 0, render: 0, js: 0, other: 0 };
  const gcKinds = new Map<string, number>();
  let i = 0;
  for (const task of tasks) {
    const dur = task.dur ?? 0;
    if (ms(dur) < minMs) continue;
    const end = task.ts + dur;
    // Events inside the task (mine is sorted by ts).
    while (i < mine.length && (mine[i] as TraceEvent).ts < task.ts) i++;
    const inside: TraceEvent[] = [];
    for (let j = i; j < mine.length && (mine[j] as TraceEvent).ts < end; j++) {
      const e = mine[j] as TraceEvent;
      if (e !== task && e.ts + (e.dur ?? 0) <= end) inside.push(e);
    }
    const gcs = outermost(inside.filter((e) => GC.test(e.name)));
    const gcByName = new Map<string, number>();
    for (const g of gcs) {
      const kind = g.args?.type ? `${g.name}:${g.args.type}` : g.name;
      gcByName.set(kind, (gcByName.get(kind) ?? 0) + (g.dur ?? 0));
      gcKinds.set(kind, (gcKinds.get(kind) ?? 0) + (g.dur ?? 0));
    }
    const gc = gcs.reduce((s, g) => s + (g.dur ?? 0), 0);
    const render = outermost(inside.filter((e) => RENDER.has(e.name))).reduce((s, e) => s + (e.dur ?? 0), 0);
    const js = profile ? jsBetween(profile, task.ts, end) : new Map<string, number>();
    const jsTotal = [...js.entries()]
      .filter(([k]) => !k.startsWith('(garbage collector)') && !k.startsWith('(program)') && !k.startsWith('(idle)'))
      .reduce((s, [, v]) => s + v, 0);
    const what = [...inside.filter((e) => e.name === 'TimerFire' || e.name === 'EventDispatch' || e.name === 'FireAnimationFrame' || e.name === 'FunctionCall')]
      .slice(0, 1)
      .map((e) => `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}`)
      .join('');
    totals.tasks++;
    totals.gc += gc;
    totals.render += render;
    totals.js += jsTotal;
    totals.other += Math.max(0, dur - gc - render - jsTotal);
    const gcText = [...gcByName.entries()].map(([k, v]) => `${k} ${ms(v).toFixed(0)}`).join(', ');
    const top = [...js.entries()]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, v]) => `${k} ${ms(v).toFixed(0)}`)
      .join('; ');
    out.push(
      `${(ms(task.ts - t0) / 1000).toFixed(2).padStart(7)} s +${ms(dur).toFixed(0).padStart(5)} ms ${what}\n` +
        `    GC ${ms(gc).toFixed(0)} [${gcText}] | style/layout/paint ${ms(render).toFixed(0)} | JS ${ms(jsTotal).toFixed(0)}: ${top}`,
    );
  }
  out.push(
    `${totals.tasks} tasks over ${minMs} ms: GC ${ms(totals.gc).toFixed(0)} ms, style/layout/paint ${ms(totals.render).toFixed(0)} ms, JS ${ms(totals.js).toFixed(0)} ms, other ${ms(totals.other).toFixed(0)} ms`,
    `GC in them by kind: ${[...gcKinds.entries()].map(([k, v]) => `${k} ${ms(v).toFixed(0)} ms`).join(', ')}`,
  );
  return out;
}
