/**
 * Traces scenario 7 (Load all of the 1,000,000-item table) for finding what each long frame is;
 * not a gate. A Chromium trace of the page (tasks, GC, style/layout/paint) and a CDP CPU profile
 * (which functions) during the load, written to TRACE_DIR, then every task over LONG_MS
 * classified (longTasks.ts).
 *
 *   BENCH_BIG_ITEMS=300000 tsx bench/e2e/traceMillion.ts     (build the renderer first)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchBrowser, startDynaliteProcess, startEnv, type Env } from './env';
import { createTable } from './fill';
import { openTable } from './scenarios/firstRows';
import { clickLoadAll } from './scenarios/loadAll';
import { classifyLongTasks, type TraceEvent } from './longTasks';
import type { Profile } from './profileSummary';

const ITEMS = Number(process.env.BENCH_BIG_ITEMS ?? 1_000_000);
const OUT = process.env.TRACE_DIR ?? '/tmp/million-trace';
const LONG_MS = Number(process.env.LONG_MS ?? 50);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.gc',
  'blink.user_timing',
].join(',');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dynalite = await startDynaliteProcess();
  const env: Env = { ...(await startEnv(dynalite)), browser: await launchBrowser() };
  try {
    await createTable(env.client, 'bench1m');
    await env.dynalite.fill('bench1m', ITEMS, 'narrow');
    const { page } = await openTable(env, 'bench1m');
    const cdp = await page.context().newCDPSession(page);
    const trace: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: object[] }) => {
      for (const ev of e.value as TraceEvent[]) trace.push(ev);
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await cdp.send('Profiler.start');
    const load = loadavg()[0]!.toFixed(2);
    const ms = await clickLoadAll(page, ITEMS);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(`${OUT}/page.cpuprofile`, JSON.stringify(profile));
    writeFileSync(`${OUT}/trace.json`, JSON.stringify(trace));
    console.log(`== Load all ${ITEMS}: ${ms.toFixed(0)} ms (load ${load}); ${trace.length} trace events`);
    for (const line of classifyLongTasks(trace, profile, LONG_MS)) console.log(line);
  } finally {
    await env.browser.close();
    await env.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
