/**
 * What the renderer keeps per row after a Load all (diagnosis, not a gate): V8's sampling heap
 * profiler runs through the load of a BENCH_BIG_ITEMS table ('narrow' items, as scenario 7), and
 * the allocations still alive at its end are summed by the function that made them, in bytes per
 * row. GC over the load comes with BENCH_JS_FLAGS=--trace-gc-nvp (see env.ts).
 *
 *   BENCH_BIG_ITEMS=200000 tsx bench/e2e/allocMillion.ts     (build the renderer first)
 */
import type { Env } from './env';
import { runScript } from './script';
import { openWithHeapProfiler } from './heapPage';
import { clickLoadAll } from './scenarios/loadAll';

const ITEMS = Number(process.env.BENCH_BIG_ITEMS ?? 200_000);
const TOP = Number(process.env.ALLOC_TOP ?? 30);

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Live bytes by allocating function (with its caller), largest first. */
function bySite(head: SamplingNode): [string, number][] {
  const sums = new Map<string, number>();
  const walk = (n: SamplingNode, caller: string) => {
    const f = n.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    if (n.selfSize > 0) {
      const key = `${name}  <- ${caller}`;
      sums.set(key, (sums.get(key) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, name);
  };
  walk(head, '');
  return [...sums].sort((a, b) => b[1] - a[1]);
}

async function main(env: Env): Promise<void> {
  const { page, cdp } = await openWithHeapProfiler(env, 'benchalloc', ITEMS);
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 8192 });
  const ms = await clickLoadAll(page, ITEMS);
  await cdp.send('HeapProfiler.collectGarbage');
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: SamplingNode };
  };
  const sites = bySite(profile.head);
  const total = sites.reduce((s, [, b]) => s + b, 0);
  console.log(`== Load all ${ITEMS}: ${ms.toFixed(0)} ms; live ${(total / ITEMS).toFixed(0)} B/row`);
  for (const [site, bytes] of sites.slice(0, TOP)) {
    console.log(`${(bytes / ITEMS).toFixed(1).padStart(8)} B/row  ${site}`);
  }
}

void runScript(main);
