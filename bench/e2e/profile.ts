/**
 * Profiles scenario 4 (bulk set on a tenth of the loaded rows, then undo) in Chromium: a CDP CPU
 * profile of the page for each action, summarised as the functions with the most self time, and
 * the time line of the page's main thread (busy spans). For finding where the time goes; not a gate.
 *
 *   BENCH_ITEMS=100000 tsx bench/e2e/profile.ts     (build the renderer first: electron-vite build)
 *
 * PROFILE_HOST=1 also profiles the web host from the first bulk set to its exit, summarised at
 * the end (cpuProfHook.cjs, started by a signal once the table is loaded). PROFILE_TRACE=1 adds a
 * Chromium trace of a third bulk set (bulk-trace.json) and prints its main-thread tasks.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { startCpuProfile, startTrace, TIMELINE } from './cdpRecord';
import { summariseTrace } from './traceSummary';
import type { Env } from './env';
import { runScript } from './script';
import { createTable } from './fill';
import { summarise } from './profileSummary';
import { hostProfileEnv, printHostProfiles } from './hostProfile';
import { openTable } from './scenarios/firstRows';
import { clickLoadAll } from './scenarios/loadAll';
import { bulkSet, openReview, selectShown, undo } from './scenarios/bulkEdit';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const OUT = process.env.PROFILE_DIR ?? '/tmp';
const HOST = process.env.PROFILE_HOST === '1';
/** PROFILE_TRACE=1: a Chromium trace of one more bulk set, its main-thread tasks from the click. */
const TRACE = process.env.PROFILE_TRACE === '1';

async function profiled(
  page: Page,
  cdp: CDPSession,
  name: string,
  act: () => Promise<number>,
): Promise<void> {
  const stop = await startCpuProfile(cdp, 200);
  const ms = await act();
  const profile = await stop();
  writeFileSync(`${OUT}/${name}.cpuprofile`, JSON.stringify(profile));
  console.log(`\n== ${name}: ${ms.toFixed(0)} ms (load ${loadavg()[0]!.toFixed(2)})`);
  console.log(summarise(profile));
  const calls = await page.evaluate(() => {
    const out = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/'))
      .map((e) => {
        const r = e as PerformanceResourceTiming;
        // The host's own share (webhost/server.ts Server-Timing): read, parse, answer.
        const host = r.serverTiming.map((t) => `${t.name} ${t.duration.toFixed(0)}`).join(', ');
        return `${r.name.split('/').pop()} at ${r.startTime.toFixed(0)}: request->response ${(r.responseStart - r.requestStart).toFixed(0)} ms (host: ${host}), body ${(r.responseEnd - r.responseStart).toFixed(0)} ms, fetch total ${r.duration.toFixed(0)} ms`;
      });
    performance.clearResourceTimings();
    return out;
  });
  for (const c of calls) console.log(`  ${c}`);
}

async function main(env: Env): Promise<void> {
  await createTable(env.client, 'bench100k');
  await env.dynalite.fill('bench100k', ITEMS, 'wide');
  const { page } = await openTable(env, 'bench100k');
  // PROFILE_LOADS=5: Load all that many times first, as the full bench does before scenario 4.
  for (let i = 0; i < Number(process.env.PROFILE_LOADS ?? 1); i++) await clickLoadAll(page, ITEMS);
  // PROFILE_WAIT_MS: a pause after the loads (the idle measuring of the loaded rows then ends).
  await new Promise((r) => setTimeout(r, Number(process.env.PROFILE_WAIT_MS ?? 0)));
  const selected = ITEMS / 10;
  await selectShown(page, 'cohort-3x', selected);
  await openReview(page);
  const cdp = await page.context().newCDPSession(page);
  if (HOST) env.host.process.kill('SIGUSR2');
  if (HOST_GC) {
    const log = createWriteStream(`${OUT}/host-gc.log`);
    env.host.process.stdout?.on('data', (c: Buffer) => log.write(`${Date.now()} ${c.toString()}`));
  }
  // PROFILE_BULKS: how many bulk sets (each then undone) to profile; 2 by default.
  for (let i = 0; i < Number(process.env.PROFILE_BULKS ?? 2); i++) {
    await profiled(page, cdp, `bulk-${i}`, () => bulkSet(page, selected, 'status', `bulk-${i}`));
    await profiled(page, cdp, `undo-${i}`, () => undo(page));
  }
  if (TRACE) {
    const stop = await startTrace(cdp, TIMELINE);
    const ms = await bulkSet(page, selected, 'status', 'bulk-traced');
    const events = await stop();
    writeFileSync(`${OUT}/bulk-trace.json`, JSON.stringify(events));
    console.log(`\n== traced bulk set: ${ms.toFixed(0)} ms; main-thread tasks from the click:`);
    for (const line of summariseTrace(events as never)) console.log(line);
  }
}

/** PROFILE_HOST_GC=1: the host's --trace-gc lines, from the first bulk set on, in <dir>/host-gc.log. */
const HOST_GC = process.env.PROFILE_HOST_GC === '1';
const gcEnv = HOST_GC ? { NODE_OPTIONS: `--require ${__dirname}/traceGcHook.cjs` } : undefined;

if (HOST) void runScript(main, hostProfileEnv(OUT, true)).then(() => printHostProfiles(OUT));
else void runScript(main, gcEnv);
