import { AppPage } from '../pages/AppPage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';

test.beforeEach(async ({ request, host, page }) => {
  await StagingPage.clear(request, host);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
});

test('the review names each operation’s write mode and its cost; Batch changes the calls', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  await g.b.getByKeys('SupportTickets', ['T-00018', 'T-00042', 'T-00007']);
  await expect(g.b.counts).toContainText('3 loaded');
  for (const row of [0, 1, 2]) {
    const ed = await g.openCell(row, 'subject');
    await ed.getByLabel('subject', { exact: true }).fill(`edited ${row}`);
    await ed.getByLabel('subject', { exact: true }).press('Enter');
    await expect(ed).toBeHidden();
  }
  await s.openReview();
  await expect(s.reviewItems).toHaveCount(3);

  // Guarded (the default): one UpdateItem per loaded item, no reads before.
  const modes = s.review.getByTestId('op-mode');
  await expect(modes).toHaveText(Array(3).fill('UpdateItem, guarded'));
  await expect(s.review.getByTestId('plan-mode')).toContainText('Guarded');
  await expect(s.review.getByTestId('plan-calls')).toHaveText('3');
  await expect(s.review.getByTestId('plan-est-wcu')).toHaveText('3');
  await expect(s.review.getByTestId('plan-est-cost')).toHaveText(/^\$0\.\d+$/);
  await expect(s.review.getByTestId('plan-est-assumptions')).toContainText('calls in flight');

  // Batch: one BatchWriteItem and one drift-check read.
  const options = s.review.locator('details.commit-options');
  await options.locator('summary').click();
  await expect(options.getByRole('radio', { name: /Atomic/ })).toBeDisabled();
  await options.getByRole('radio', { name: /Batch/ }).check();
  await expect(s.review.getByTestId('plan-mode')).toContainText('last writer wins');
  await expect(s.review.getByTestId('plan-calls')).toHaveText('2');
  await expect(s.review.getByTestId('plan-est-wcu')).toHaveText('3');
  await page.screenshot({ path: 'test-results/modes-review-batch.png' });
  // Folding the options gives the list its room back.
  await options.locator('summary').click();
  await expect(modes).toHaveText(Array(3).fill('BatchWriteItem, batch'));
});
