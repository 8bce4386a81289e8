/**
 * Traces scenario 7 (Load all of the 1,000,000-item table) for finding what each long frame is;
 * not a gate. A Chromium trace of the page (tasks, GC, style/layout/paint) and a CDP CPU profile
 * (which functions) during the load, written to TRACE_DIR, then every task over LONG_MS
 * classified (longTasks.ts). Then the same for the scroll that follows (scenario 7's scroll, one
 * run): its frame times and the tasks of the frames over two vsyncs.
 *
 *   BENCH_BIG_ITEMS=300000 tsx bench/e2e/traceMillion.ts     (build the renderer first)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Env } from './env';
import { runScript } from './script';
import { createTable } from './fill';
import { openTable } from './scenarios/firstRows';
import { clickLoadAll } from './scenarios/loadAll';
import { scrollOnce } from './scenarios/scroll';
import { startCpuProfile, startTrace, TIMELINE } from './cdpRecord';
import { classifyLongTasks, type TraceEvent } from './longTasks';

const ITEMS = Number(process.env.BENCH_BIG_ITEMS ?? 1_000_000);
const OUT = process.env.TRACE_DIR ?? '/tmp/million-trace';
const LONG_MS = Number(process.env.LONG_MS ?? 50);
const CATEGORIES = `${TIMELINE},v8,v8.gc`;
const SCROLL_FRAMES = 300; // as run.ts

async function main(env: Env): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await createTable(env.client, 'bench1m');
  await env.dynalite.fill('bench1m', ITEMS, 'narrow');
  const { page } = await openTable(env, 'bench1m');
  const cdp = await page.context().newCDPSession(page);
  const stopTrace = await startTrace<TraceEvent>(cdp, CATEGORIES);
  const stopCpu = await startCpuProfile(cdp, 1000);
  const load = loadavg()[0]!.toFixed(2);
  const ms = await clickLoadAll(page, ITEMS);
  const profile = await stopCpu();
  const trace = await stopTrace();
  writeFileSync(`${OUT}/page.cpuprofile`, JSON.stringify(profile));
  writeFileSync(`${OUT}/trace.json`, JSON.stringify(trace));
  console.log(
    `== Load all ${ITEMS}: ${ms.toFixed(0)} ms (load ${load}); ${trace.length} trace events`,
  );
  for (const line of classifyLongTasks(trace, profile, LONG_MS)) console.log(line);

  // The scroll after it (as scenario 7 scrolls): frames over two vsyncs, and why.
  const stopScrollTrace = await startTrace<TraceEvent>(cdp, CATEGORIES);
  const stopScrollCpu = await startCpuProfile(cdp, 200);
  const scroll = await scrollOnce(page, SCROLL_FRAMES);
  const scrollProfile = await stopScrollCpu();
  const scrollTrace = await stopScrollTrace();
  writeFileSync(`${OUT}/scroll.cpuprofile`, JSON.stringify(scrollProfile));
  writeFileSync(`${OUT}/scroll-trace.json`, JSON.stringify(scrollTrace));
  console.log(
    `== scroll ${SCROLL_FRAMES} frames: p50 ${scroll.p50.toFixed(1)} p95 ${scroll.p95.toFixed(1)} max ${scroll.max.toFixed(1)} ms`,
  );
  for (const line of classifyLongTasks(scrollTrace, scrollProfile, 17)) console.log(line);
}

void runScript(main);
