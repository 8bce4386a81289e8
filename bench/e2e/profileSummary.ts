/** A CPU profile (CDP or node --cpu-prof) summarised as the functions with the most self time. */
export interface Profile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarise(p: Profile, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const f = byId.get(p.samples[i]!)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const total = (p.endTime - p.startTime) / 1000;
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`total ${total.toFixed(0)} ms`, ...rows.map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)].join('\n');
}

/** The longest stretches of the profile without an idle sample, each with its top functions. */
export function longestBusy(p: Profile, top = 6): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const spans: { ms: number; at: number; self: Map<string, number> }[] = [];
  let cur: (typeof spans)[number] | null = null;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    t += dt * 1000;
    const f = byId.get(p.samples[i]!)!.callFrame;
    if (f.functionName === '(idle)') {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    cur ??= { ms: 0, at: (t - p.startTime) / 1000, self: new Map() };
    const d = (p.timeDeltas[i + 1] ?? 0) / 1000;
    cur.ms += d;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    cur.self.set(key, (cur.self.get(key) ?? 0) + d);
  }
  if (cur) spans.push(cur);
  return spans
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
    .map((s) => {
      const fns = [...s.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
      return `busy ${s.ms.toFixed(0)} ms at ${s.at.toFixed(0)} ms: ${fns.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ')}`;
    })
    .join('\n');
}
