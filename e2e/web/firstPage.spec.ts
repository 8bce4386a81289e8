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

test('the listed tables are described ahead: a click reads only the first page', async ({
  page,
  host,
}) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(tables:describe|items:query)$/.exec(r.url());
    if (m?.[1]) calls.push(`${m[1]} ${(r.postDataJSON() as { table?: string; model?: { table: string } }).table ?? (r.postDataJSON() as { model: { table: string } }).model.table}`);
  });
  const app = new AppPage(page);
  await app.open(host.url);
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  // Each listed table is described once, before any click.
  await expect
    .poll(() => calls.filter((c) => c.startsWith('tables:describe')).sort())
    .toEqual([
      'tables:describe OrgUsers',
      'tables:describe SupportTickets',
      'tables:describe TicketArchive',
    ]);
  calls.length = 0;
  await app.openTable('SupportTickets');
  const b = new BrowsePage(page);
  await expect(b.counts).toContainText('100 loaded');
  expect(calls).toEqual(['items:query SupportTickets']);
});

test('clicking quickly from table to table shows the last one clicked, with its own rows', async ({
  page,
  host,
}) => {
  // SupportTickets' first page is held on its way back until OrgUsers' has been shown.
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/api/items:query', async (route) => {
    const body = route.request().postDataJSON() as { model: { table: string } };
    const response = await route.fetch();
    if (body.model.table === 'SupportTickets') await released;
    await route.fulfill({ response });
  });
  const app = new AppPage(page);
  await app.open(host.url);
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  await app.openTable('SupportTickets');
  await app.openTable('OrgUsers');
  const b = new BrowsePage(page);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('OrgUsers');
  await expect(b.counts).toContainText(/\d+ loaded/);
  // The late page of the table left behind arrives now: it must not show here.
  const late = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/items:query') &&
      (r.request().postDataJSON() as { model: { table: string } }).model.table === 'SupportTickets',
  );
  release();
  await (await late).finished();
  // Two frames: whatever the late page changes is rendered by then.
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise(requestAnimationFrame));
  await expect(page.locator('[role="gridcell"][data-col="ticketId"]')).toHaveCount(0);
  await expect(page.locator('[role="gridcell"][data-col="orgId"]').first()).toBeVisible();
  // Back to the first: its own first page, read when it was clicked.
  await app.openTable('SupportTickets');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('SupportTickets');
  await expect(b.counts).toContainText('100 loaded');
  await expect(b.cell(0, 'ticketId')).toHaveText(/^T-\d+$/);
  await expect(page.locator('[role="gridcell"][data-col="orgId"]')).toHaveCount(0);
});
