/**
 * Scenario 5: 1,000 staged changes (a bulk set on 1,000 selected rows) committed in batch mode:
 * from the click on Commit until the report is painted, beside the report's own seconds figure
 * (the backend's time for the commit).
 */
import type { Page } from 'playwright-core';
import { clickToPaint } from '../timing';

export async function commitAll(
  page: Page,
): Promise<{ ms: number; backendSeconds: number; headline: string }> {
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
