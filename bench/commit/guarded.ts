/**
 * Guarded mode: updates of loaded items as conditional UpdateItem calls, against the same updates
 * in batch mode at 10 ms (interleaved), and the adaptive concurrency against fixed ones (1-128)
 * at 100 ms (interleaved: each repeat runs the adaptive engine, then every fixed level).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CommitOptions } from '../../server/commitEngine/types';
import { CLEAN_SCHEMA, cleanRows } from '../support/benchData';
import { best, median, timedRun, type Bench, type Figure, type Writer } from './figure';
import { singleCallCeiling } from './singleCeiling';
import { engine, guardedWriter, preload, withoutStatus, withStatus } from './writers';

const FIXED = [1, 2, 4, 8, 16, 32, 64, 128];
/** Calls in flight of the raw single-call ceiling (dynalite's ceiling is flat from 8 up). */
const CEILING_IN_FLIGHT = [64, 128];
/** Updates at 100 ms, adaptive and the fixed levels from 16 up (about eight round trips at 128). */
const ADAPTIVE_ITEMS = 1_024;

export async function guardedSection(
  b: Bench,
  client: DynamoDBClient,
  items: number,
  repeats: number,
) {
  const run = (name: string, latencyMs: number, n: number, write: Writer) =>
    timedRun(b, {
      name,
      faults: { latencyMs },
      data: (r) => withStatus(cleanRows(n, r)),
      schema: CLEAN_SCHEMA,
      write,
      prepare: (t, d) => preload(b.direct, t, d.map(withoutStatus)),
    });
  const guarded = (opts?: CommitOptions) => guardedWriter(client, CLEAN_SCHEMA, opts);
  const g10: Figure[] = [];
  const b10: Figure[] = [];
  const ceilings = new Map<number, Figure[]>(CEILING_IN_FLIGHT.map((c) => [c, []]));
  const fixed = new Map<number, Figure[]>(FIXED.map((c) => [c, []]));
  const adaptive: Figure[] = [];
  for (let i = 0; i < repeats; i++) {
    g10.push(await run('guarded updates, 10 ms', 10, items, guarded()));
    b10.push(await run('batch updates, 10 ms', 10, items, engine(client, CLEAN_SCHEMA)));
    for (const c of CEILING_IN_FLIGHT) {
      const raw = singleCallCeiling(b.proxy.endpoint, CLEAN_SCHEMA, c);
      ceilings.get(c)?.push(await run(`single-call ceiling ${c}, 10 ms`, 10, items, raw));
    }
  }
  for (let i = 0; i < repeats; i++) {
    adaptive.push(await run('guarded adaptive, 100 ms', 100, ADAPTIVE_ITEMS, guarded()));
    for (const c of FIXED) {
      // About eight round trips each (at least 16 items): enough for a rate, short for the small.
      const opts = { singleConcurrency: c, maxSingleConcurrency: c };
      const n = Math.max(16, c * 8);
      fixed.get(c)?.push(await run(`guarded fixed ${c}, 100 ms`, 100, n, guarded(opts)));
    }
  }
  const [bestFixed, bestFixedRate] = [...fixed].reduce<[number, number]>(
    (acc, [c, figs]) => (median(figs) > acc[1] ? [c, median(figs)] : acc),
    [0, 0],
  );
  const bestFixedFigs = fixed.get(bestFixed) ?? [];
  // The ceiling: the in-flight level with the higher median.
  const [ceilingInFlight, ceiling] = [...ceilings].reduce<[number, Figure[]]>(
    (acc, [c, figs]) => (median(figs) > median(acc[1]) ? [c, figs] : acc),
    [0, []],
  );
  const ratios = {
    guardedVsBatch: median(g10) / median(b10),
    singleCallCeilingVsBatch: median(ceiling) / median(b10),
    guardedVsSingleCallCeiling: median(g10) / median(ceiling),
    adaptiveVsBestFixed: median(adaptive) / bestFixedRate,
  };
  const bestRatios = {
    guardedVsBatch: best(g10) / best(b10),
    singleCallCeilingVsBatch: best(ceiling) / best(b10),
    guardedVsSingleCallCeiling: best(g10) / best(ceiling),
    adaptiveVsBestFixed: best(adaptive) / Math.max(...[...fixed.values()].map((f) => best(f))),
  };
  const all = [
    ...g10,
    ...b10,
    ...[...ceilings.values()].flat(),
    ...adaptive,
    ...[...fixed.values()].flat(),
  ];
  return {
    items,
    bestFixed,
    ceilingInFlight,
    runs: { g10, b10, ceiling, adaptive, bestFixed: bestFixedFigs },
    medians: {
      guarded10: median(g10),
      batch10: median(b10),
      singleCallCeiling10: Object.fromEntries([...ceilings].map(([c, f]) => [c, median(f)])),
      adaptive100: median(adaptive),
      fixed100: Object.fromEntries([...fixed].map(([c, figs]) => [c, median(figs)])),
    },
    ratios,
    bestRatios,
    targets: {
      guardedVsBatch: ratios.guardedVsBatch >= 0.5,
      adaptiveVsBestFixed: ratios.adaptiveVsBestFixed >= 0.8,
    },
    lost: all.reduce((s, f) => s + f.lost, 0),
    failed: all.reduce((s, f) => s + f.failed, 0),
  };
}
