import type { Page } from '@playwright/test';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';

test.beforeEach(async ({ request, host }) => {
  await StagingPage.clear(request, host);
});

async function noSerious(page: Page, what: string, include?: string): Promise<void> {
  const found = await seriousFindings(page, include);
  expect(found, `${what}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

test('axe: the Table info tab, the connection dialog and the import dialog with its preview, light and dark', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  const b = new BrowsePage(page);
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const conns = new ConnectionsPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  await b.infoTab.click();
  await expect(page.getByRole('tabpanel', { name: 'Table info' })).toBeVisible();
  await page.screenshot({ path: 'test-results/a11y-table-info.png' });
  await noSerious(page, 'Table info tab');

  await conns.addButton.click();
  await expect(conns.dialog).toBeVisible();
  await noSerious(page, 'connection dialog (AWS profile)');
  await conns.customEndpoint.click();
  await expect(conns.endpoint).toBeVisible();
  await page.screenshot({ path: 'test-results/a11y-connection-dialog.png' });
  await noSerious(page, 'connection dialog (custom endpoint)');
  await page.keyboard.press('Escape');
  await expect(conns.dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Items' }).click();
  await g.importButton.click();
  await expect(s.importDialog).toBeVisible();
  await noSerious(page, 'import dialog (source)');
  const csv = ['ticketId,status,createdAt,tags', 'T-A1,open,1767225600,a|b', 'T-A2,closed,,c'];
  await s.importFile.setInputFiles({
    name: 'tickets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.join('\n')),
  });
  await expect(s.importDialog.getByText('2 rows, 4 columns')).toBeVisible();
  await page.screenshot({ path: 'test-results/a11y-import-preview.png' });
  await noSerious(page, 'import dialog (preview)');
});
