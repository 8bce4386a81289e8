/**
 * Scenario 4: 10,000 of the loaded rows selected (quick filter, then select all shown), a bulk
 * set of one attribute: from the click on "Stage" until the review shows the diff, the plan and
 * no blocking problems, and the backend acknowledged the save. Then Undo -> painted.
 */
import type { Page } from 'playwright-core';
import { clickToPaint, clickToPaintEach, type Cond } from '../timing';

const n = (x: number) => x.toLocaleString('en-US');

/** Quick-filters the grid to `token` and selects every shown row; resolves with the count. */
export async function selectShown(page: Page, token: string, expected: number): Promise<void> {
  const counts = page.getByTestId('grid-counts');
  if (!/· 0 selected/.test((await counts.textContent()) ?? '')) {
    // Rows selected before (another filter's): Escape in the grid clears the selection.
    await page.locator('[role="grid"] [role="gridcell"]').first().click();
    await page.keyboard.press('Escape');
    await counts.filter({ hasText: /· 0 selected/ }).waitFor();
  }
  await page.getByLabel('Filter loaded rows').fill(token);
  await page
    .getByTestId('grid-counts')
    .filter({ hasText: `${n(expected)} shown` })
    .waitFor({ timeout: 120_000 });
  await page.getByLabel('Select all rows').check();
  await page
    .getByTestId('grid-counts')
    .filter({ hasText: new RegExp(`· ${n(expected)} selected`) })
    .waitFor();
}

/** Opens the review drawer (if closed) and waits until its pane is there. */
export async function openReview(page: Page): Promise<void> {
  const review = page.getByRole('region', { name: 'Review changes' });
  if ((await review.count()) === 0) await page.getByRole('button', { name: /^Changes \(/ }).click();
  await review.waitFor();
}

/** Bulk-sets `attribute` to `value` on the selection; returns ms from Stage to review ready and saved. */
export async function bulkSet(page: Page, count: number, attribute: string, value: string): Promise<number> {
  return (await bulkSetEach(page, count, attribute, value)).ms;
}

/**
 * bulkSet, also saying when each part was in the DOM (ms from the click): the save's
 * acknowledgement (the save state back to saved), and the review (count, plan and diff: the last).
 */
export async function bulkSetEach(
  page: Page,
  count: number,
  attribute: string,
  value: string,
): Promise<{ ms: number; savedMs: number; reviewMs: number; save: SaveTiming | null }> {
  await page.getByRole('button', { name: 'Edit rows ▾' }).click();
  await page.getByRole('menuitem', { name: `Bulk edit ${n(count)} selected…` }).click();
  const dialog = page.getByRole('dialog', { name: /^Bulk edit/ });
  await dialog.getByLabel('Attribute').fill(attribute);
  await dialog.getByLabel('Value', { exact: true }).fill(value);
  const stage = dialog.getByRole('button', { name: `Stage ${n(count)} changes` });
  await stage.waitFor();
  const ready: Cond[] = [
    { sel: 'button.changes-button', text: `Changes (${n(count)})` },
    { sel: '[data-testid="save-state"][data-state="saved"]' },
    { sel: '[data-testid="plan-puts"]', text: n(count) },
    { sel: `[aria-label="Review changes"] article li.diff-row[data-attr="${attribute}"]` },
  ];
  await page.evaluate(() => performance.clearResourceTimings());
  const { ms, firsts } = await clickToPaintEach(page, ready, () => stage.click(), 300_000);
  const [count0, saved, puts, diff] = firsts as [number, number, number, number];
  const save = await lastSave(page, await clickTime(page));
  return { ms, savedMs: saved, reviewMs: Math.max(count0, puts, diff), save };
}

/** The bulk set's save request, in ms from the click: sent, answered, and the host's own part. */
export interface SaveTiming {
  sentMs: number;
  answeredMs: number;
  /** The host's answer (webhost/server.ts Server-Timing: read + parse + answer). */
  hostMs: number;
}

async function clickTime(page: Page): Promise<number> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('dynostage.bench') ?? '{}') as { start: number }).start);
}

/** The last staging:apply of the page's resource timeline, relative to `start` (epoch ms). */
async function lastSave(page: Page, start: number): Promise<SaveTiming | null> {
  return page.evaluate((start) => {
    const saves = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/api/staging:apply')) as PerformanceResourceTiming[];
    const r = saves[saves.length - 1];
    if (!r) return null;
    const at = (t: number) => performance.timeOrigin + t - start;
    const hostMs = r.serverTiming.reduce((sum, t) => sum + t.duration, 0);
    return { sentMs: at(r.requestStart), answeredMs: at(r.responseEnd), hostMs };
  }, start);
}

/** Undo in the review: ms until the grid and the review show nothing staged. */
export async function undo(page: Page): Promise<number> {
  const button = page
    .getByRole('region', { name: 'Review changes' })
    .getByRole('button', { name: 'Undo', exact: true });
  const done: Cond[] = [{ sel: 'button.changes-button', text: 'Changes (0)' }];
  return clickToPaint(page, done, () => button.click(), 120_000);
}
