import type { Page } from '@playwright/test';
import { changeId } from '../../shared/changes/types';
import { supportTickets } from '../../server/sandbox/seedData';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { GridEditPage } from '../pages/GridEditPage';
import { KeyboardPage } from '../pages/KeyboardPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';

const tickets = supportTickets();

test.beforeEach(async ({ request, host }) => {
  await StagingPage.clear(request, host);
});

async function noSerious(page: Page, what: string, include?: string): Promise<void> {
  const found = await seriousFindings(page, include);
  expect(found, `${what}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

test('axe: table list, grid with rows, cell editor, dialogs, palette, review, light and dark', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const k = new KeyboardPage(page);
  const b = g.b;
  await app.open(host.url);
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  await noSerious(page, 'table list');

  await app.openTable('SupportTickets');
  await b.getByKeys('SupportTickets', ['T-00001', 'T-00002', 'T-00003', 'T-00018']);
  await b.cell(0, 'subject').click();
  await noSerious(page, 'grid with rows and the inspector');

  const editor = await g.openCell(1, 'subject');
  await noSerious(page, 'cell editor');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  await b.cell(0, 'ticketId').click();
  await b.grid.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Delete 1 item' })).toBeVisible();
  await noSerious(page, 'delete dialog');
  await page.keyboard.press('Escape');

  await g.addItem.click();
  await noSerious(page, 'add item dialog (key)');
  await s.addItemDialog.getByLabel('ticketId').fill('T-09100');
  await s.addItemDialog.getByRole('button', { name: 'Next' }).click();
  await noSerious(page, 'add item dialog (JSON)');
  await page.keyboard.press('Escape');

  await b.selectAllRows();
  await g.menuAction(/^Move \d+ to another table/);
  await expect(page.getByRole('dialog', { name: /^Move/ })).toBeVisible();
  await noSerious(page, 'move dialog');
  await page.keyboard.press('Escape');
  await g.menuAction(/^Bulk edit \d+ selected/);
  await noSerious(page, 'bulk edit dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('ControlOrMeta+k');
  await expect(k.palette).toBeVisible();
  await noSerious(page, 'command palette');
  await page.keyboard.press('Escape');

  await b.cell(1, 'ticketId').click();
  await b.grid.press('Delete');
  await page
    .getByRole('dialog', { name: 'Delete 1 item' })
    .getByRole('button', { name: 'Stage delete' })
    .click();
  await s.openReview();
  await expect(s.reviewItems.first()).toBeVisible();
  await noSerious(page, 'review pane');
});

test('axe: the conflict view, light and dark', async ({ page, host, request }) => {
  const t = tickets[0]!;
  const key = { ticketId: t.ticketId! };
  const id = changeId('sandbox', 'SupportTickets', key, {
    partitionKey: { name: 'ticketId', type: 'S' },
  });
  // Staged against an image the server no longer holds: the drift check reports a conflict.
  const change = {
    kind: 'update',
    connectionId: 'sandbox',
    table: 'SupportTickets',
    key,
    original: { ...t, subject: { S: 'what it was when loaded' } },
    item: { ...t, subject: { S: 'edited here' } },
  };
  await request.post(`${host.origin}/api/staging:apply`, {
    data: { entries: [{ id, connectionId: 'sandbox', table: 'SupportTickets', change }] },
    headers: { Authorization: `Bearer ${host.token}` },
  });
  const s = new StagingPage(page);
  await new AppPage(page).open(host.url);
  await s.openReview();
  await s.commitButton.click();
  await expect(s.review.getByRole('region', { name: 'Conflicts' })).toBeVisible();
  await noSerious(page, 'conflict view');
  await page.screenshot({ path: 'test-results/a11y-conflicts.png' });
});
