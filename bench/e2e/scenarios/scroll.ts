/** Scenario 6: scrolling top to bottom through the loaded rows, one step per frame: frame times. */
import type { Page } from 'playwright-core';
import { percentile } from '../stats';

/** Frames of one scroll from top to bottom (scenarios 6 and 7). */
export const SCROLL_FRAMES = 300;

/** Runs in the page: sets scrollTop once per frame from top to bottom; returns the frame durations. */
function scrollFrames(frames: number): Promise<number[]> {
  const scroller = document.querySelector('.grid-scroll') as HTMLElement;
  scroller.scrollTop = 0;
  const total = scroller.scrollHeight - scroller.clientHeight;
  const durations: number[] = [];
  return new Promise((resolve) => {
    let last = 0;
    let i = 0;
    const tick = (now: number) => {
      if (last > 0) durations.push(now - last);
      last = now;
      if (i > frames) return resolve(durations);
      scroller.scrollTop = Math.min(total, Math.round((++i * total) / frames));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export interface ScrollRun {
  p50: number;
  p95: number;
  max: number;
}

export async function scrollOnce(page: Page, frames: number): Promise<ScrollRun> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const d = await page.evaluate(scrollFrames, frames);
  return { p50: percentile(d, 50), p95: percentile(d, 95), max: Math.max(...d) };
}
