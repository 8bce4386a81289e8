/**
 * Recording what a page's main thread did, over CDP, for the profiling scripts (profileBoot.ts,
 * traceMillion.ts): a Chromium trace (tasks, GC, style/layout/paint) and a sampled CPU profile.
 * Each start returns its stop, which resolves with what was recorded.
 */
import type { CDPSession } from 'playwright-core';
import type { Profile } from './profileSummary';

/** Trace categories: the timeline (tasks, style, layout, paint), V8 and GC, user timing. */
export const TIMELINE = 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing';

/** Starts a trace of `categories`; the stop resolves with its events once the trace is complete. */
export async function startTrace<T = object>(
  cdp: CDPSession,
  categories: string,
): Promise<() => Promise<T[]>> {
  const events: T[] = [];
  const onData = (e: { value: object[] }) => {
    for (const ev of e.value) events.push(ev as T);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** Starts the sampling CPU profiler (`intervalUs` between samples); the stop returns the profile. */
export async function startCpuProfile(
  cdp: CDPSession,
  intervalUs: number,
): Promise<() => Promise<Profile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
}
