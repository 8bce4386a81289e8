import { AppPage } from '../pages/AppPage';
import { expect, test } from '../support/fixtures';

test('the app opens on the sandbox and lists its three tables', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await expect(page).toHaveTitle('DynoStage');
  await expect(app.connection).toHaveValue('sandbox');
  for (const name of ['OrgUsers', 'SupportTickets', 'TicketArchive']) {
    await expect(app.tableButton(name)).toBeVisible();
  }
  // The token leaves the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
});

test('the table filter narrows the list', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.tableFilter.fill('ticket');
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  await expect(app.tableButton('TicketArchive')).toBeVisible();
  await expect(app.tableButton('OrgUsers')).toHaveCount(0);
});

test('SupportTickets shows its key schema and indexes', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  // The table pane opens on its Items tab; the description is under Table info.
  await page.getByRole('tab', { name: 'Table info' }).click();
  await expect(app.keySchema).toContainText('ticketId');
  await expect(app.keySchema).toContainText('partition');
  const row = app.indexes.getByRole('row', { name: /byStatus/ });
  await expect(row).toContainText('GSI');
  await expect(row).toContainText('status');
  await expect(row).toContainText('createdAt');
  await expect(row).toContainText('ALL');
  await expect(page.getByText('On-demand')).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke-support-tickets.png' });
});

test('the API refuses calls without the token and from foreign origins', async ({ request, host }) => {
  const none = await request.post(`${host.origin}/api/tables:list`, { data: { connectionId: 'sandbox' } });
  expect(none.status()).toBe(401);
  const foreign = await request.post(`${host.origin}/api/tables:list`, {
    data: { connectionId: 'sandbox' },
    headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://attacker.example' },
  });
  expect(foreign.status()).toBe(403);
  const ok = await request.post(`${host.origin}/api/tables:list`, {
    data: { connectionId: 'sandbox' },
    headers: { Authorization: `Bearer ${host.token}` },
  });
  expect(await ok.json()).toEqual({ ok: true, value: { tables: ['OrgUsers', 'SupportTickets', 'TicketArchive'] } });
});
