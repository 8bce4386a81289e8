import { AppPage } from '../pages/AppPage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { UxPage } from '../pages/UxPage';
import { supportTickets } from '../../server/sandbox/seedData';
import { expect, test } from '../support/fixtures';

const tickets = supportTickets();
const resolved = tickets.filter((t) => 'S' in t.status! && t.status.S === 'resolved');
const fmt = (n: number) => n.toLocaleString('en-US');

test.beforeEach(async ({ request, host, page }) => {
  await StagingPage.clear(request, host);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  await expect(app.tableButton('SupportTickets')).toHaveAttribute('aria-current', 'true');
});

test("select all + Move takes only the query's rows, says what it leaves out, and reviews as moves", async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const u = new UxPage(page);
  const b = g.b;
  await b.readFrom.selectOption('byStatus');
  await b.operation('Query').click();
  await b.partitionValue.fill('resolved');
  await b.loadAll.click();
  await expect(b.loadStatus).toContainText('All pages read');
  await expect(b.counts).toContainText(`${fmt(resolved.length)} loaded`);

  // A new item the query does not match (status open) and a resolved ticket staged for delete.
  await g.addItem.click();
  await s.addItemDialog.getByLabel('ticketId').fill('T-09001');
  await s.addItemDialog.getByRole('button', { name: 'Next' }).click();
  await s.setEditorText('{"ticketId": "T-09001", "status": "open"}');
  await s.addItemDialog.getByRole('button', { name: 'Stage new item' }).click();
  await expect(s.addItemDialog).toBeHidden();
  const doomed = await b.cell(0, 'ticketId').textContent();
  await b.cell(0, 'ticketId').click();
  await b.grid.press('Delete');
  await page
    .getByRole('dialog', { name: 'Delete 1 item' })
    .getByRole('button', { name: 'Stage delete' })
    .click();
  await expect(b.row(0)).toHaveClass(/\brow-deleted\b/);

  await u.selectAll.check();
  await expect(b.counts).toContainText(`${fmt(resolved.length + 1)} selected`);
  const moving = resolved.length - 1;
  await g.menuAction(`Move ${fmt(moving)} to another table…`);
  const move = page.getByRole('dialog', { name: `Move ${fmt(moving)} items from SupportTickets` });
  await expect(u.actsOn(move)).toContainText(`${fmt(moving)} items to move`);
  await expect(u.leftOut(move)).toContainText('2 items of the selection left out');
  await expect(u.leftOut(move)).toContainText(
    `1 staged for delete (revert it to include it): ticketId=${doomed}`,
  );
  await expect(u.leftOut(move)).toContainText(
    '1 new item the query does not match: ticketId=T-09001',
  );
  await page.screenshot({ path: 'test-results/ux-move-scope.png' });
  await move.getByLabel('Target table').selectOption('TicketArchive');
  await move.getByRole('button', { name: 'Stage move' }).click();
  await expect(move).toBeHidden();

  // Review: one MOVE card per ticket; the new item stays a put into SupportTickets alone.
  await s.openReview();
  await expect(s.plan.puts).toHaveText(fmt(moving + 1));
  await expect(s.plan.deletes).toHaveText(fmt(moving + 1));
  await expect(u.moveCards(s.review, 'SupportTickets', 'TicketArchive').first()).toBeVisible();
  await expect(
    s.review.getByRole('article', { name: /TicketArchive ticketId=T-09001/ }),
  ).toHaveCount(0);
  await expect(
    s.review.getByRole('article', { name: /TicketArchive/ }).filter({ hasText: /^new/ }),
  ).toHaveCount(0);
  await page.screenshot({ path: 'test-results/ux-move-review.png' });
});

test('the quick filter narrows the selection: bulk actions act only on rows on screen', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const u = new UxPage(page);
  const b = g.b;
  await b.getByKeys('SupportTickets', ['T-00699', 'T-00937', 'T-00938']);
  await b.cell(0, 'ticketId').click();
  await expect(b.counts).toContainText('3 shown · 1 selected');
  await expect(b.inspectorJson).toContainText('T-00699');

  await b.quickFilter.fill('T-00937');
  await expect(b.counts).toContainText('1 shown · 0 selected');
  await expect(u.selectionNote).toHaveText('1 selected row hidden by the filter unselected');
  // The inspector no longer shows the hidden row.
  await expect(b.inspectorJson).toHaveCount(0);

  await b.cell(0, 'ticketId').click();
  await expect(b.counts).toContainText('1 shown · 1 selected');
  await g.menuAction('Delete 1…');
  const del = page.getByRole('dialog', { name: 'Delete 1 item' });
  await expect(u.actsOn(del)).toHaveText('1 item to delete: ticketId=T-00937');
  await expect(del).not.toContainText('T-00699');
  await del.getByRole('button', { name: 'Cancel' }).click();

  // A new read clears the selection, and the footer says why.
  await b.quickFilter.fill('');
  await b.cell(0, 'ticketId').click();
  await expect(b.counts).toContainText('1 selected');
  await b.operation('Query').click();
  await b.partitionValue.fill('T-00001');
  await b.run.click();
  await expect(b.counts).toContainText('1 loaded · 1 shown · 0 selected');
  await expect(u.selectionNote).toContainText('cleared by the new');
});

test('toasts say what was staged and undone, then go; labels say what keys do', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const b = g.b;
  await b.getByKeys('SupportTickets', ['T-00001', 'T-00002']);
  await b.cell(0, 'ticketId').click();
  await b.grid.press('Delete');
  await page
    .getByRole('dialog', { name: 'Delete 1 item' })
    .getByRole('button', { name: 'Stage delete' })
    .click();
  const toasts = page.getByRole('status', { name: 'Staging notice' });
  await expect(toasts.getByTestId('toast-message').last()).toHaveText('Deleted T-00001');
  await toasts.getByRole('button', { name: 'Undo' }).last().click();
  await expect(toasts.getByTestId('toast-message').last()).toHaveText('Undid: Deleted T-00001');
  await expect(b.row(0)).not.toHaveClass(/\brow-deleted\b/);
  // Toasts leave by themselves: nothing stays above the grid through later actions.
  await expect(toasts.getByTestId('toast-message')).toHaveCount(0, { timeout: 15_000 });

  // The context menu: Enter edits the cell, Shift+Enter shows the inspector.
  await b.cell(1, 'ticketId').click({ button: 'right' });
  await expect(b.cellMenu.getByRole('menuitem', { name: /Edit cell/ })).toContainText('Enter');
  await expect(b.cellMenu.getByRole('menuitem', { name: /Show in inspector/ })).toContainText(
    'Shift+Enter',
  );
  await page.keyboard.press('Escape');
});

test("Add item: an existing key is called out, and plain JSON lists stay the column's string sets", async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  const withTags = tickets.find((t) => t.tags && 'SS' in t.tags)!;
  const id = (withTags.ticketId as { S: string }).S;
  await b.getByKeys('SupportTickets', [id]);
  await g.addItem.click();
  await s.addItemDialog.getByLabel('ticketId').fill(id);
  await s.addItemDialog.getByRole('button', { name: 'Next' }).click();
  await expect(s.addItemDialog.getByRole('alert').first()).toContainText(
    `ticketId=${id} is already loaded in this grid`,
  );
  await s.addItemDialog.getByRole('button', { name: 'Cancel' }).click();

  await g.addItem.click();
  await s.addItemDialog.getByLabel('ticketId').fill('T-09002');
  await s.addItemDialog.getByRole('button', { name: 'Next' }).click();
  await s.setEditorText('{"ticketId": "T-09002", "tags": ["ux"]}');
  await expect(s.addItemDialog).toContainText('tags: kept as SS');
  await s.addItemDialog.getByRole('button', { name: 'Stage new item' }).click();
  await s.openReview();
  await expect(s.attributeRow('ticketId=T-09002', 'tags')).toContainText('SS {ux}');
});

test('the review beside the inspector at 1280x800 keeps at least 3 grid columns in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  await b.getByKeys('SupportTickets', ['T-00001', 'T-00002', 'T-00003']);
  await b.cell(0, 'subject').click();
  await expect(b.inspector).toBeVisible();
  await s.openReview();
  // Columns wholly in view: inside the grid and left of the review (which may float over it).
  const visible = await b.grid.evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const review = document.querySelector('.review-drawer')?.getBoundingClientRect();
    const right = Math.min(box.right, review?.left ?? Infinity);
    return [...grid.querySelectorAll('[role="columnheader"][data-col]')].filter((h) => {
      const r = h.getBoundingClientRect();
      return r.left >= box.left - 1 && r.right <= right + 1 && r.width > 40;
    }).length;
  });
  await page.screenshot({ path: 'test-results/ux-review-1280.png' });
  expect(visible).toBeGreaterThanOrEqual(3);
  // The toolbar keeps each button on one line.
  const editRows = g.editRows;
  expect((await editRows.boundingBox())!.height).toBeLessThan(40);
});

test('the review: search by key or value combines with the kind filter; j/k move between cards', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  await b.getByKeys('SupportTickets', ['T-00001', 'T-00002', 'T-00003']);
  await b.selectAllRows();
  await g.menuAction('Delete 3…');
  await page
    .getByRole('dialog', { name: 'Delete 3 items' })
    .getByRole('button', { name: 'Stage 3 deletes' })
    .click();
  await page.keyboard.press('ControlOrMeta+Shift+d');
  const search = s.review.getByRole('searchbox', { name: 'Search the review' });
  await expect(search).toBeFocused();
  await expect(s.reviewItems).toHaveCount(3);
  await page.keyboard.type('T-00002');
  await expect(s.reviewItems).toHaveCount(1);
  await expect(s.reviewItems.first()).toHaveAccessibleName(/ticketId=T-00002/);
  await search.fill('');
  await expect(s.reviewItems).toHaveCount(3);
  await s.kindFilter(/^New \(put\)/).click();
  await expect(s.reviewItems).toHaveCount(0);
  await s.kindFilter(/^New \(put\)/).click();
  // j/k between cards.
  await s.review.getByRole('group', { name: /^Staged items/ }).focus();
  await page.keyboard.press('j');
  await expect(s.reviewItems.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(s.reviewItems.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(s.reviewItems.nth(0)).toBeFocused();
});
