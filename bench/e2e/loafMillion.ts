/**
 * What the long frames of scenario 7's Load all are made of, without a tracer slowing the page
 * (diagnosis, not a gate): Chromium's Long Animation Frame entries over LONG_MS, each with its
 * scripts (function, invoker, duration) and its style/layout and render times, as scenario 7 loads
 * the 1,000,000-item table. Build unminified for readable names (DYNOSTAGE_MINIFY=0).
 *
 *   BENCH_BIG_ITEMS=1000000 tsx bench/e2e/loafMillion.ts     (build the renderer first)
 */
import type { Env } from './env';
import { runScript } from './script';
import { createTable } from './fill';
import { openTable } from './scenarios/firstRows';
import { clickLoadAll } from './scenarios/loadAll';
import { startCpuProfile } from './cdpRecord';
import { writeFileSync } from 'node:fs';
import { chromiumCpuMs, cpuMs, sampleMemory } from './procs';

const ITEMS = Number(process.env.BENCH_BIG_ITEMS ?? 1_000_000);
const LONG_MS = Number(process.env.LONG_MS ?? 80);

interface Loaf {
  startTime: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: {
    invoker: string;
    invokerType: string;
    sourceFunctionName: string;
    sourceURL: string;
    sourceCharPosition: number;
    duration: number;
    startTime: number;
    forcedStyleAndLayoutDuration: number;
  }[];
}

async function main(env: Env): Promise<void> {
  await createTable(env.client, 'bench1m');
  await env.dynalite.fill('bench1m', ITEMS, 'narrow');
  // LOAF_RUNS=n: n loads of the table, each in a fresh page (the table written once).
  for (let run = 0; run < Number(process.env.LOAF_RUNS ?? 1); run++) await loadOnce(env);
}

async function loadOnce(env: Env): Promise<void> {
  const { page } = await openTable(env, 'bench1m');
  await page.evaluate((longMs) => {
    const w = window as unknown as { __loafs: unknown[] };
    w.__loafs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > longMs) w.__loafs.push(e.toJSON());
    }).observe({ type: 'long-animation-frame', buffered: false });
    // As scenario 7's frame recorder, with each long frame's end time.
    const f = window as unknown as { __long: [number, number][]; __on: boolean };
    f.__long = [];
    f.__on = true;
    let last = 0;
    const tick = (now: number) => {
      if (last > 0 && now - last > longMs) f.__long.push([now, now - last]);
      last = now;
      if (f.__on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, LONG_MS);
  // A full GC at a known page time: with BENCH_JS_FLAGS=--trace-gc-nvp, it lines the GC trace's
  // times (ms since the isolate started) up with the page's (see the first "low memory" GC).
  const cdp = await page.context().newCDPSession(page);
  const marked = await page.evaluate(() => performance.now());
  // NO_MARK_GC=1: no forced GC before the load (as scenario 7, which starts on the page as opened).
  if (process.env.NO_MARK_GC !== '1') await cdp.send('HeapProfiler.collectGarbage');
  console.log(`page time before a forced GC: ${marked.toFixed(0)} ms`);
  // PROFILE_OUT=file: a CPU profile of the page over the load (slows it; names need DYNOSTAGE_MINIFY=0).
  const stopCpu = process.env.PROFILE_OUT ? await startCpuProfile(cdp, 500) : null;
  // SAMPLE=1: the renderer's and host's memory sampled during the load, as scenario 7 does.
  const sampler = process.env.SAMPLE === '1' ? sampleMemory(cdp, env.host.process.pid ?? 0) : null;
  const cpu = () => ({ dynalite: cpuMs(env.dynalite.pid), host: cpuMs(env.host.process.pid ?? 0), ...chromiumCpuMs() });
  const cpu0 = cpu();
  const ms = await clickLoadAll(page, ITEMS);
  const cpu1 = cpu();
  // CPU time each process used during the load (two cores: 2 x the load's time is all there is).
  console.log(`CPU ms during the load: ${Object.entries(cpu1).map(([k, v]) => `${k} ${v - cpu0[k as keyof typeof cpu0]}`).join(', ')}`);
  if (sampler) console.log('peak memory', JSON.stringify(await sampler.stop()));
  if (stopCpu) writeFileSync(process.env.PROFILE_OUT!, JSON.stringify(await stopCpu()));
  const long = await page.evaluate(() => {
    const f = window as unknown as { __long: [number, number][]; __on: boolean };
    f.__on = false;
    return f.__long;
  });
  for (const [end, d] of long) console.log(`rAF gap ending ${(end / 1000).toFixed(2)} s: ${d.toFixed(0)} ms`);
  const loafs = (await page.evaluate(() => (window as unknown as { __loafs: Loaf[] }).__loafs)) as Loaf[];
  console.log(`== Load all ${ITEMS}: ${ms.toFixed(0)} ms; ${loafs.length} frames over ${LONG_MS} ms`);
  for (const f of loafs) {
    const render = f.startTime + f.duration - f.renderStart;
    const layout = f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0;
    const scripts = f.scripts
      .map((s) => {
        const file = s.sourceURL.split('/').pop();
        return `${s.invokerType}:${s.invoker} ${s.sourceFunctionName || '?'}@${file}:${s.sourceCharPosition} ${s.duration.toFixed(0)}`;
      })
      .join('; ');
    const inScripts = f.scripts.reduce((n, s) => n + s.duration, 0);
    console.log(
      `${(f.startTime / 1000).toFixed(2)} s +${f.duration.toFixed(0)} ms (blocking ${f.blockingDuration.toFixed(0)}): scripts ${inScripts.toFixed(0)} [${scripts}] render ${f.renderStart ? render.toFixed(0) : 0} (style/layout ${layout.toFixed(0)})`,
    );
  }
  await page.context().close();
}

void runScript(main);
