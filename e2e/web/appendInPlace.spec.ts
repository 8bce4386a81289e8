/**
 * Rows appended to a loaded table (Load more here; a Load all's hand-overs take the same path) go
 * onto the items store's arrays and the grid's rows array in place (loadedRows.ts addRows,
 * sharedRowModel.ts). What keeps an array to compare must see that it grew: the quick filter's
 * kept answers, the grid's id -> row index, the row count.
 */
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test } from '../support/fixtures';

test('rows appended under a quick filter are shown, and keyboard selection reaches them', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const b = new BrowsePage(page);
  await expect(b.run).toBeEnabled();
  await b.operation('Scan').click();
  await b.pageSize.fill('100');
  await b.run.click();
  await expect(b.counts).toContainText('100 loaded · 100 shown');

  // Every ticket id has "T-": the filter keeps every row, the ones to come too.
  await b.quickFilter.fill('T-');
  await expect(b.counts).toContainText('100 loaded · 100 shown');
  await b.loadMore.click();
  await expect(b.counts).toContainText('200 loaded · 200 shown');

  // The last row is one of the appended ones; moving up from it selects by its position.
  await b.cell(0, 'status').click();
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await expect(b.cell(199, 'status')).toHaveAttribute('aria-selected', 'true');
  await expect(b.counts).toContainText('1 selected');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(b.counts).toContainText('3 selected');
  await expect(b.rowCheckbox(197)).toHaveAttribute('aria-checked', 'true');
  await expect(b.rowCheckbox(199)).toHaveAttribute('aria-checked', 'true');
  await expect(b.rowCheckbox(196)).toHaveAttribute('aria-checked', 'false');

  // A third page: the filter and the count follow again, and the selection stays.
  await b.loadMore.click();
  await expect(b.counts).toContainText('300 loaded · 300 shown · 3 selected');

  // A click and a Shift+click among the newest rows select the range between them.
  await b.cell(199, 'status').click();
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await expect(b.cell(299, 'status')).toHaveAttribute('aria-selected', 'true');
  await b.cell(299, 'status').click();
  await b.cell(296, 'status').click({ modifiers: ['Shift'] });
  await expect(b.counts).toContainText('300 loaded · 300 shown · 4 selected');
  for (const i of [296, 297, 298, 299])
    await expect(b.rowCheckbox(i)).toHaveAttribute('aria-checked', 'true');
  await expect(b.rowCheckbox(295)).toHaveAttribute('aria-checked', 'false');

  // Without a filter the grid's rows are the store's, grown in place: the same, once more.
  await b.quickFilter.fill('');
  await b.loadMore.click();
  await expect(b.counts).toContainText('400 loaded · 400 shown · 4 selected');
  await b.cell(299, 'status').click();
  await page.keyboard.press('ControlOrMeta+ArrowDown');
  await expect(b.cell(399, 'status')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(b.counts).toContainText('2 selected');
  await b.cell(396, 'status').click({ modifiers: ['Shift'] });
  await expect(b.counts).toContainText('4 selected');
  for (const i of [396, 397, 398, 399])
    await expect(b.rowCheckbox(i)).toHaveAttribute('aria-checked', 'true');
});
