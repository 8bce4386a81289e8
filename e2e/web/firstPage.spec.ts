import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test } from '../support/fixtures';

test('a table opens with its first page; a changed query marks the rows stale until Run', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const b = new BrowsePage(page);
  // No Run pressed: the fresh query bar's Scan of one page (100 items) has run.
  await expect(b.loadStatus).toContainText('100 items · 1 page');
  await expect(b.counts).toContainText('100 loaded');
  await expect(b.cell(0, 'ticketId')).toHaveText(/^T-\d+$/);
  const stale = page.getByTestId('rows-stale');
  await expect(stale).toHaveCount(0);

  // A page size is pacing, not a different query: still current.
  await b.pageSize.fill('50');
  await expect(stale).toHaveCount(0);

  await b.operation('Query').click();
  await b.partitionValue.fill('T-00042');
  await expect(stale).toContainText('The query changed');
  await expect(b.counts).toContainText('100 loaded');
  await b.run.click();
  await expect(b.counts).toContainText('1 loaded');
  await expect(stale).toHaveCount(0);

  // Back to the table later: the rows it had stay, nothing is read again.
  await app.openTable('OrgUsers');
  await expect(b.counts).toContainText(/\d+ loaded/);
  await app.openTable('SupportTickets');
  await expect(b.counts).toContainText('1 loaded');
  await expect(b.cell(0, 'ticketId')).toHaveText('T-00042');
});
