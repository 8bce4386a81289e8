/**
 * Scenario 7: Load all of a 1,000,000-item table (~300 B items): time, peak memory (renderer and
 * backend RSS, renderer JS heap, sampled during the load), the longest frames while loading, and
 * scrolling frame times afterwards.
 */
import type { Page } from 'playwright-core';
import type { Env } from '../env';
import { cpuMs, sampleMemory, type MemorySample } from '../procs';
import { openTable } from './firstRows';
import { clickLoadAll } from './loadAll';
import { scrollOnce, type ScrollRun } from './scroll';

/** Runs in the page: records every frame's duration until stopped. */
function startFrameRecorder(): void {
  const w = window as unknown as { __frames: number[]; __framesOn: boolean };
  w.__frames = [];
  w.__framesOn = true;
  let last = 0;
  const tick = (now: number) => {
    if (last > 0) w.__frames.push(now - last);
    last = now;
    if (w.__framesOn) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function stopFrameRecorder(): number[] {
  const w = window as unknown as { __frames: number[]; __framesOn: boolean };
  w.__framesOn = false;
  return w.__frames;
}

export interface MillionResult {
  ms: number;
  itemsPerSec: number;
  peak: MemorySample;
  heapAfterMB: number;
  longestFrameMs: number;
  framesOver100: number;
  frames: number;
  /** CPU ms used during the load by dynalite (the table's server) and the web host. */
  cpuMs: { dynalite: number; host: number };
  scroll: ScrollRun[];
}

export async function million(
  env: Env,
  table: string,
  count: number,
  scrollRuns: number,
  frames: number,
): Promise<{ result: MillionResult; page: Page }> {
  const { page } = await openTable(env, table);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(startFrameRecorder);
  const sampler = sampleMemory(cdp, env.host.process.pid ?? 0);
  const cpu0 = { dynalite: cpuMs(env.dynalite.pid), host: cpuMs(env.host.process.pid ?? 0) };
  const ms = await clickLoadAll(page, count);
  const peak = await sampler.stop();
  const cpu = {
    dynalite: cpuMs(env.dynalite.pid) - cpu0.dynalite,
    host: cpuMs(env.host.process.pid ?? 0) - cpu0.host,
  };
  const durations = await page.evaluate(stopFrameRecorder);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterMB = Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024);
  const scroll: ScrollRun[] = [];
  for (let i = 0; i < scrollRuns; i++) scroll.push(await scrollOnce(page, frames));
  return {
    page,
    result: {
      ms: Math.round(ms),
      itemsPerSec: Math.round((count / ms) * 1000),
      peak,
      heapAfterMB,
      longestFrameMs: Math.round(Math.max(0, ...durations)),
      framesOver100: durations.filter((d) => d > 100).length,
      frames: durations.length,
      cpuMs: cpu,
      scroll,
    },
  };
}
