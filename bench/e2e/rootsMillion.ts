/**
 * The page's GC roots after a Load all (diagnosis, not a gate): a heap snapshot of the page once
 * BENCH_BIG_ITEMS 'narrow' rows are loaded, and how many references each synthetic root holds
 * (global and traced handles, the internalized string table, handle scopes...), with a sample of
 * the internalized strings. Every major GC visits them all when it updates pointers after
 * evacuation. SNAPSHOT_OUT writes the snapshot after the load (for reading retainers).
 *
 *   BENCH_BIG_ITEMS=200000 tsx bench/e2e/rootsMillion.ts     (build the renderer first)
 */
import { writeFileSync } from 'node:fs';
import type { Env } from './env';
import { runScript } from './script';
import { openWithHeapProfiler } from './heapPage';
import { clickLoadAll } from './scenarios/loadAll';
import { heapSnapshot, internalizedSample, rootSizes } from '../../test-support/heapRoots';

const ITEMS = Number(process.env.BENCH_BIG_ITEMS ?? 200_000);

async function main(env: Env): Promise<void> {
  const { page, cdp } = await openWithHeapProfiler(env, 'benchroots', ITEMS);
  const before = rootSizes(await heapSnapshot(cdp));
  await clickLoadAll(page, ITEMS);
  const shot = await heapSnapshot(cdp);
  // SNAPSHOT_OUT: the snapshot after the load, for reading its retainers elsewhere.
  if (process.env.SNAPSHOT_OUT) writeFileSync(process.env.SNAPSHOT_OUT, JSON.stringify(shot));
  const after = rootSizes(shot);
  console.log(`some internalized strings: ${internalizedSample(shot, Math.max(1, Math.floor(ITEMS / 20))).join(' ')}`);
  const was = new Map(before);
  console.log(`== roots before and after a Load all of ${ITEMS} rows (references held)`);
  for (const [name, n] of after.slice(0, 25)) console.log(`${String(was.get(name) ?? 0).padStart(10)} ${String(n).padStart(10)}  ${name}`);
}

void runScript(main);
