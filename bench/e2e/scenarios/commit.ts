/**
 * Scenario 5: 1,000 staged changes (a bulk set on 1,000 selected rows) committed in guarded mode
 * (conditional single-item writes, the default) and in batch mode (BatchWriteItem after a drift
 * check): from the click on Commit until the report is painted, beside the report's own seconds
 * figure (the backend's time for the commit).
 */
import type { Page } from 'playwright-core';
import { clickToPaint } from '../timing';

export type WriteMode = 'guarded' | 'batch';

/** Picks the write mode in the review's commit options (opening them if folded). */
export async function chooseMode(page: Page, mode: WriteMode): Promise<void> {
  const review = page.getByRole('region', { name: 'Review changes' });
  const radio = review.locator(`input[name="write-mode"][value="${mode}"]`);
  if (!(await radio.isVisible())) await review.locator('details.commit-options > summary').click();
  await radio.check();
}

export async function commitAll(
  page: Page,
  mode: WriteMode,
): Promise<{ ms: number; backendSeconds: number; headline: string }> {
  await chooseMode(page, mode);
  const review = page.getByRole('region', { name: 'Review changes' });
  const button = review.getByRole('button', { name: 'Commit', exact: true });
  await button.waitFor();
  const ms = await clickToPaint(
    page,
    [{ sel: '[aria-label="Commit report"] [data-testid="report-seconds"]' }],
    () => button.click(),
    300_000,
  );
  const backendSeconds = Number(
    (await page.getByTestId('report-seconds').textContent())?.replace(/,/g, ''),
  );
  const headline = (await page.getByTestId('commit-headline').textContent()) ?? '';
  await page.getByRole('button', { name: 'Dismiss report' }).click();
  return { ms, backendSeconds, headline };
}
