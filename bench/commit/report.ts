/** The bench's table (median, best, spread, target met?) on stderr, and its JSON line on stdout. */
import os from 'node:os';
import type { AppFigures } from './app';
import { best, median, spread, total, type Figure } from './figure';

export interface Sections {
  latencyMs: number;
  capacityWcu: number;
  repeats: number;
  loadAtStart: number[];
  clean: { boto3: Figure[]; batch: Figure[]; ceiling: Figure[] };
  capacity: { capEngine: Figure[]; capSdk: Figure[] };
  guarded: {
    items: number;
    bestFixed: number;
    ceilingInFlight: number;
    runs: {
      g10: Figure[];
      b10: Figure[];
      ceiling: Figure[];
      adaptive: Figure[];
      bestFixed: Figure[];
    };
    medians: object;
    lost: number;
    failed: number;
  };
  journal: Figure;
  app: AppFigures;
}

interface Row {
  key: string;
  label: string;
  median: number;
  best: number;
  /** The repeats' spread on each side of the ratio. */
  spread: [number, number];
  met: boolean;
  target: string;
}

const ratioRow = (
  key: string,
  label: string,
  target: string,
  ok: (r: number) => boolean,
  a: Figure[],
  b: Figure[],
  by: 'itemsPerSecond' | 'calls' = 'itemsPerSecond',
): Row => {
  const m = median(a, by) / median(b, by);
  return {
    key,
    label,
    median: m,
    best: best(a, by) / best(b, by),
    spread: [spread(a, by), spread(b, by)],
    met: ok(m),
    target,
  };
};

const medianOf = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;

export function report(s: Sections): void {
  const { clean, capacity: cap, guarded: g } = s;
  const capUse = median(cap.capEngine, 'wcuPerSecond') / s.capacityWcu;
  const rows: Row[] = [
    ratioRow(
      'batchVsCeiling',
      'batch clean / ceiling',
      '>= 0.7',
      (r) => r >= 0.7,
      clean.batch,
      clean.ceiling,
    ),
    ratioRow(
      'batchVsBoto3',
      'batch clean / boto3-style',
      '>= 4',
      (r) => r >= 4,
      clean.batch,
      clean.boto3,
    ),
    {
      key: 'capacityUse',
      label: `engine WCU/s / capacity ${s.capacityWcu}`,
      median: capUse,
      best: best(cap.capEngine, 'wcuPerSecond') / s.capacityWcu,
      spread: [spread(cap.capEngine, 'wcuPerSecond'), 0],
      met: capUse >= 0.8,
      target: '>= 0.8',
    },
    ratioRow(
      'capacityCallsVsSdkRetries',
      'engine calls / sdk-retries calls',
      '<= 0.5',
      (r) => r <= 0.5,
      cap.capEngine,
      cap.capSdk,
      'calls',
    ),
    ratioRow(
      'guardedVsBatch',
      `guarded / batch, 10 ms (${g.items})`,
      '>= 0.5',
      (r) => r >= 0.5,
      g.runs.g10,
      g.runs.b10,
    ),
    ratioRow(
      'singleCallCeilingVsBatch',
      `(info) single-call ceiling ${g.ceilingInFlight} / batch`,
      'bounds guarded/batch',
      () => true,
      g.runs.ceiling,
      g.runs.b10,
    ),
    ratioRow(
      'guardedVsSingleCallCeiling',
      `(info) guarded / single-call ceiling ${g.ceilingInFlight}`,
      'client overhead',
      () => true,
      g.runs.g10,
      g.runs.ceiling,
    ),
    ratioRow(
      'adaptiveVsBestFixed',
      `guarded adaptive / fixed ${g.bestFixed}, 100 ms`,
      '>= 0.8',
      (r) => r >= 0.8,
      g.runs.adaptive,
      g.runs.bestFixed,
    ),
    ratioRow(
      'ceilingVsBoto3',
      '(info) ceiling / boto3-style',
      'max batch/boto3',
      () => true,
      clean.ceiling,
      clean.boto3,
    ),
  ];
  const appRate = (m: 'guarded' | 'batch') => medianOf(s.app[m].map((f) => f.itemsPerSecond));
  const lost =
    total(
      [
        ...clean.boto3,
        ...clean.batch,
        ...clean.ceiling,
        ...cap.capEngine,
        ...cap.capSdk,
        s.journal,
      ],
      'lost',
    ) +
    [...s.app.guarded, ...s.app.batch].reduce((t, f) => t + f.lost, 0) +
    g.lost;
  const failed = total([...clean.batch, ...cap.capEngine, s.journal], 'failed') + g.failed;
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  console.error('');
  console.error(`${'ratio'.padEnd(40)} median   best   spread (a / b)  target`);
  for (const r of rows) {
    const met = r.label.startsWith('(info)') ? '' : r.met ? 'met' : 'NOT met';
    console.error(
      `${r.label.padEnd(40)} ${r.median.toFixed(2).padStart(5)}x ${r.best.toFixed(2).padStart(5)}x  ${pct(r.spread[0]).padStart(5)} / ${pct(r.spread[1]).padEnd(5)}  ${r.target} ${met}`,
    );
  }
  console.error(
    `commit:start (app), ${s.latencyMs} ms: guarded ${appRate('guarded').toFixed(0)} items/s (executor ${median(g.runs.g10).toFixed(0)}), batch ${appRate('batch').toFixed(0)} items/s (executor ${median(g.runs.b10).toFixed(0)})`,
  );
  console.error(
    `guarded, 10 ms: ${median(g.runs.g10).toFixed(0)} items/s; single-call ceiling (raw UpdateItem, no SDK, ${g.ceilingInFlight} in flight): ${median(g.runs.ceiling).toFixed(0)} items/s; batch: ${median(g.runs.b10).toFixed(0)} items/s. guarded/batch >= 0.5 needs the server's single calls at >= 0.5x batch: here ${(median(g.runs.ceiling) / median(g.runs.b10)).toFixed(2)}x`,
  );
  console.error(
    `journal cost (batch, one run): ${pct(1 - s.journal.itemsPerSecond / median(clean.batch))}`,
  );
  console.error(`lost (item by item, every run): ${lost}; failed: ${failed}`);
  const end = os.loadavg();
  console.error(
    `medians of ${s.repeats} interleaved repeats; load average ${s.loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${end.map((x) => x.toFixed(1)).join(' ')} at end (${os.cpus().length} cores)`,
  );
  console.log(
    JSON.stringify({
      latencyMs: s.latencyMs,
      repeats: s.repeats,
      loadAverage: { start: s.loadAtStart, end },
      ratios: Object.fromEntries(rows.map((r) => [r.key, r.median])),
      bestRatios: Object.fromEntries(rows.map((r) => [r.key, r.best])),
      targets: Object.fromEntries(
        rows.filter((r) => !r.label.startsWith('(info)')).map((r) => [r.key, r.met]),
      ),
      medians: {
        batch: median(clean.batch),
        ceiling: median(clean.ceiling),
        boto3: median(clean.boto3),
        capacityEngineWcu: median(cap.capEngine, 'wcuPerSecond'),
        capacityEngineCalls: median(cap.capEngine, 'calls'),
        capacitySdkCalls: median(cap.capSdk, 'calls'),
        guarded: g.medians,
        singleCallCeiling: median(g.runs.ceiling),
        appCommitStart: { guarded: appRate('guarded'), batch: appRate('batch') },
      },
      failed,
      lost,
    }),
  );
}
