/** Scenario 1: URL opened -> table list painted, fresh browser context each run, beside the peer. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Env } from '../env';
import { spread, type Spread } from '../stats';
import { installTiming, result, type Cond } from '../timing';

export const VIEWPORT = { width: 1440, height: 900 };

/**
 * Our table list shows `table`: the app's button, or the link the web host wrote into the page
 * (it opens the table before the app runs: webhost/pageList.ts).
 */
export const ourList = (table: string): Cond => ({
  sel: 'nav[aria-label="Tables"] .table-item',
  text: table,
});
export const peerList = (table: string): Cond => ({
  sel: `#table-list li[data-table-name="${table}"]`,
});

/** A fresh context on our web host, with the bench connection remembered as the selected one. */
export async function openOurs(browser: Browser, env: Env, boot?: Cond): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await installTiming(context, boot);
  await context.addInitScript({
    content: `localStorage.setItem('dynostage.connection', ${JSON.stringify(env.connectionId)});`,
  });
  const page = await context.newPage();
  await page.goto(env.host.url);
  return page;
}

export async function openPeer(browser: Browser, env: Env, boot?: Cond): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await installTiming(context, boot);
  const page = await context.newPage();
  await page.goto(env.peer.url + '/');
  return page;
}

export interface OpenListResult {
  ours: Spread;
  peer: Spread;
  /** JavaScript (decoded bytes) our page had fetched by the time the list was painted (idle prefetches included, when they came first). */
  jsBeforeListKB: number;
  /**
   * The initial JavaScript: the most our page had fetched by the time the list was painted, over
   * the runs (the entry loads the app's code with an import() of its own, which index.html does
   * not list), and never less than what index.html itself loads.
   */
  initialJsKB: number;
  /** What index.html loads before anything runs: its script and module preloads. */
  htmlJsKB: number;
}

/** KB of the scripts out/renderer/index.html loads up front (entry and modulepreload links). */
export function initialJsKB(): number {
  const dir = path.resolve(__dirname, '../../../out/renderer');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  return Math.round(bytes / 1024);
}

/** Runs in the page: KB of JavaScript fetched before `until` (epoch ms). */
function jsBefore(until: number): number {
  const limit = until - performance.timeOrigin;
  let bytes = 0;
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (/\.m?js(\?|$)/.test(e.name) && e.startTime <= limit) bytes += e.decodedBodySize;
  }
  return Math.round(bytes / 1024);
}

export async function openList(env: Env, table: string, runs: number): Promise<OpenListResult> {
  const ours: number[] = [];
  const peer: number[] = [];
  let jsBeforeListKB = 0;
  let mostJsKB = 0;
  const once = async (which: 'ours' | 'peer') => {
    const page =
      which === 'ours'
        ? await openOurs(env.browser, env, ourList(table))
        : await openPeer(env.browser, env, peerList(table));
    const t = await result(page);
    (which === 'ours' ? ours : peer).push(t.end - t.start);
    if (which === 'ours') {
      jsBeforeListKB = await page.evaluate(jsBefore, t.end);
      mostJsKB = Math.max(mostJsKB, jsBeforeListKB);
    }
    await page.context().close();
  };
  // One unmeasured round each: the first start of a browser context pays for things neither app does.
  await once('ours');
  await once('peer');
  ours.length = 0;
  peer.length = 0;
  for (let i = 0; i < runs; i++) {
    // Interleaved, alternating who goes first.
    if (i % 2 === 0) {
      await once('ours');
      await once('peer');
    } else {
      await once('peer');
      await once('ours');
    }
  }
  const htmlJsKB = initialJsKB();
  return {
    ours: spread(ours),
    peer: spread(peer),
    jsBeforeListKB,
    initialJsKB: Math.max(mostJsKB, htmlJsKB),
    htmlJsKB,
  };
}
