/**
 * Where the time of scenarios 1 (URL -> table list) and 2 (click -> first rows) goes, for our app
 * and the peer: the page's requests in order (start, response start, end, bytes), paint entries,
 * the bench's own start/seen/end marks, and a CPU profile's self time of the page's main thread.
 * For finding where the time goes; not a gate.
 *
 *   npx electron-vite build && BENCH_ITEMS=100000 PROFILE_RUNS=2 npx tsx bench/e2e/profileBoot.ts
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { startCpuProfile, startTrace, TIMELINE } from './cdpRecord';
import type { Env } from './env';
import { runScript } from './script';
import { createTable } from './fill';
import { summarise } from './profileSummary';
import { summariseTrace } from './traceSummary';
import { ourList, peerList, VIEWPORT } from './scenarios/openList';
import { ourFirstRow } from './scenarios/firstRows';
import { clickToPaint, installTiming, result, type Timed } from './timing';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.PROFILE_RUNS ?? 2);
const TABLE = 'bench100k';
const TRACE = process.env.PROFILE_TRACE === '1';
const BOOT_CPU = process.env.PROFILE_BOOT === '1';
const CATEGORIES = `${TIMELINE},v8.execute,loading`;

/** Runs in the page: its requests and paints, times relative to `origin` (epoch ms). */
function timeline(origin: number): string[] {
  const off = performance.timeOrigin - origin;
  const t = (x: number) => (x + off).toFixed(0).padStart(5);
  const out: string[] = [];
  const nav = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  if (nav && off >= -1) {
    out.push(
      `${t(nav.startTime)} nav  redirect ${t(nav.redirectStart)}-${t(nav.redirectEnd)} fetch ${t(nav.fetchStart)} req ${t(nav.requestStart)} resp ${t(nav.responseStart)}-${t(nav.responseEnd)} domInteractive ${t(nav.domInteractive)} DCL ${t(nav.domContentLoadedEventEnd)} load ${t(nav.loadEventEnd)}`,
    );
  }
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (e.startTime + off < -1) continue;
    const name = e.name.replace(/^https?:\/\/[^/]+/, '');
    out.push(
      `${t(e.startTime)} ${e.initiatorType.padEnd(6)} ${name.padEnd(44)} req ${t(e.requestStart)} resp ${t(e.responseStart)} end ${t(e.responseEnd)}  ${(e.decodedBodySize / 1024).toFixed(1)} KB (wire ${(e.transferSize / 1024).toFixed(1)})${e.connectStart !== e.connectEnd ? ' NEW-CONN' : ''}`,
    );
  }
  for (const e of performance.getEntriesByType('paint'))
    out.push(`${t(e.startTime)} paint  ${e.name}`);
  for (const e of performance.getEntriesByType('mark'))
    out.push(`${t(e.startTime)} mark   ${e.name}`);
  for (const e of performance.getEntriesByType('measure'))
    out.push(`${t(e.startTime)} measure ${e.name} ${e.duration.toFixed(0)} ms`);
  return out.sort((a, b) => Number(a.slice(0, 5)) - Number(b.slice(0, 5)));
}

/** Every API request of the page as Node saw it (epoch ms), finished or not. */
function watchApi(page: Page): { at: number; line: string }[] {
  const log: { at: number; line: string }[] = [];
  const started = new Map<object, number>();
  page.on('request', (r) => {
    if (!r.url().includes('/api/')) return;
    started.set(r, Date.now());
  });
  page.on('requestfinished', (r) => {
    const at = started.get(r);
    if (at === undefined) return;
    log.push({
      at,
      line: `${r.url().replace(/^.*\/api\//, 'api ')} -> finished +${Date.now() - at} ms`,
    });
  });
  return log;
}

async function show(
  page: Page,
  label: string,
  timed: Timed,
  api?: { at: number; line: string }[],
): Promise<void> {
  console.log(
    `\n== ${label}: ${(timed.end - timed.start).toFixed(0)} ms (seen at ${(timed.seen - timed.start).toFixed(0)}), load ${loadavg()[0]!.toFixed(2)}`,
  );
  const lines = await page.evaluate(timeline, timed.start);
  for (const l of lines) console.log('  ' + l);
  for (const a of api ?? [])
    console.log(`  node: ${(a.at - timed.start).toFixed(0).padStart(5)} ${a.line}`);
  api?.splice(0);
}

async function bootRun(env: Env, which: 'ours' | 'peer', profile: boolean): Promise<void> {
  // As openOurs/openPeer do, with the request log attached before the navigation.
  const context = await env.browser.newContext({ viewport: VIEWPORT });
  await installTiming(context, which === 'ours' ? ourList(TABLE) : peerList(TABLE));
  if (which === 'ours')
    await context.addInitScript({
      content: `localStorage.setItem('dynostage.connection', ${JSON.stringify(env.connectionId)});`,
    });
  const page = await context.newPage();
  const api = watchApi(page);
  const bootCdp = profile && TRACE ? await context.newCDPSession(page) : null;
  const stopBootTrace = bootCdp ? await startTrace(bootCdp, CATEGORIES) : null;
  const bootCpu = profile && BOOT_CPU ? await context.newCDPSession(page) : null;
  const stopBootCpu = bootCpu ? await startCpuProfile(bootCpu, 200) : null;
  await page.goto(which === 'ours' ? env.host.url : env.peer.url + '/');
  const timed = await result(page);
  await show(page, `${which} 1. URL -> list`, timed, api);
  if (bootCpu && stopBootCpu) {
    console.log(summarise(await stopBootCpu(), 40));
    await bootCpu.detach();
  }
  if (bootCdp && stopBootTrace) {
    console.log(summariseTrace((await stopBootTrace()) as never, 2).join('\n'));
    await bootCdp.detach();
  }
  // Scenario 2 from the same page.
  await page.evaluate(() => performance.clearResourceTimings());
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  const stopTrace = cdp && TRACE ? await startTrace(cdp, CATEGORIES) : null;
  const stopCpu = cdp && !TRACE ? await startCpuProfile(cdp, 200) : null;
  let t0 = 0;
  const ms = await clickToPaint(
    page,
    which === 'ours' ? ourFirstRow : { sel: '#items-container tr td' },
    async () => {
      t0 = Date.now();
      if (which === 'ours')
        await page
          .getByRole('navigation', { name: 'Tables' })
          .getByRole('button', { name: TABLE, exact: true })
          .click();
      else await page.locator(`#table-list li[data-table-name="${TABLE}"] a`).first().click();
    },
  );
  const timed2 = await result(page);
  const cpu = stopCpu ? await stopCpu() : null;
  await show(
    page,
    `${which} 2. click -> rows (${ms.toFixed(0)} ms, playwright click at ${(t0 - timed2.start).toFixed(0)})`,
    timed2,
    api,
  );
  if (stopTrace) {
    console.log(summariseTrace((await stopTrace()) as never, 1).join('\n'));
  } else if (cpu) {
    console.log(summarise(cpu, 40));
  }
  await new Promise((r) => setTimeout(r, 1500));
  await page.context().close();
}

async function main(env: Env): Promise<void> {
  await createTable(env.client, TABLE);
  await env.dynalite.fill(TABLE, ITEMS, 'wide');
  // Unmeasured warm-up of each.
  await bootRun(env, 'ours', false);
  await bootRun(env, 'peer', false);
  for (let i = 0; i < RUNS; i++) {
    await bootRun(env, 'ours', i === RUNS - 1);
    await bootRun(env, 'peer', false);
  }
}

void runScript(main);
