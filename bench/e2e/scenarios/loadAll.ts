/**
 * Scenario 3: Load all -> every row counted and the grid scrollable to its last row, in items/s,
 * beside a raw SDK Scan loop (one segment, page after page, counting items) of the same table.
 */
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Page } from 'playwright-core';
import type { Env } from '../env';
import type { Spread } from '../stats';
import { clickToPaint, type Cond } from '../timing';

export const allLoaded = (count: number): Cond[] => [
  { sel: '[data-testid="grid-counts"]', text: `${count.toLocaleString('en-US')} loaded` },
  { sel: '[data-testid="load-status"]', text: 'All pages read' },
];

/** Clicks Load all on the open table; resolves with ms until every row is counted and painted. */
export async function clickLoadAll(page: Page, count: number): Promise<number> {
  const button = page
    .getByRole('region', { name: 'Query builder' })
    .getByRole('button', { name: 'Load all' });
  await button.waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Load all');
    return b !== undefined && !(b as HTMLButtonElement).disabled;
  });
  return clickToPaint(page, allLoaded(count), () => button.click(), 600_000);
}

/** The grid scrolls to its last row: the row with the last aria-rowindex gets rendered. */
export async function scrolledToEnd(page: Page, count: number): Promise<boolean> {
  return page.evaluate(async (n) => {
    const scroller = document.querySelector('.grid-scroll') as HTMLElement | null;
    if (!scroller) return false;
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const found =
      document.querySelector(`[role="grid"] [role="row"][aria-rowindex="${n + 1}"]`) !== null;
    scroller.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(r));
    return found;
  }, count);
}

export async function sdkScanLoop(env: Env, table: string): Promise<{ ms: number; items: number }> {
  const t0 = performance.now();
  let items = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await env.client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start }),
    );
    items += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return { ms: performance.now() - t0, items };
}

export interface LoadAllResult {
  oursItemsPerSec: Spread;
  oursMs: Spread;
  sdkItemsPerSec: Spread;
  ratio: number;
  scrollable: boolean;
}
