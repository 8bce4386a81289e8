import type { Page } from '@playwright/test';
import { AppPage } from '../pages/AppPage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { supportTickets } from '../../server/sandbox/seedData';
import type { AttributeValue } from '../../shared/dynamo/types';
import { expect, test } from '../support/fixtures';

const tickets = supportTickets();
const num = (v: AttributeValue | undefined) => (v && 'N' in v ? v.N : '');
const NEW_BIG = '98765432109876543210987654321098765432';

test.beforeEach(async ({ request, host, page }) => {
  await StagingPage.clear(request, host);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
});

/** Loads the given tickets by key, in that order. */
async function getTickets(g: GridEditPage, ids: string[]): Promise<void> {
  await g.b.getByKeys('SupportTickets', ids);
  await expect(g.b.counts).toContainText(`${ids.length} loaded`);
}

async function queryTicket(g: GridEditPage, id: string): Promise<void> {
  await g.b.operation('Query').click();
  await g.b.partitionValue.fill(id);
  await g.b.run.click();
  await expect(g.b.counts).toContainText('1 loaded');
}

test('edits cells of every type in the grid: marks, hover originals, review diff, and a reload', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  // T-00018 has S, N, BOOL, B, SS and L values; T-00042 a NULL and the 38-digit number.
  await getTickets(g, ['T-00018', 'T-00042']);
  await expect(b.cell(0, 'ticketId')).toHaveText('T-00018');

  // S: double-click, type, Enter saves.
  let ed = await g.openCell(0, 'subject');
  await ed.getByLabel('subject', { exact: true }).fill('Crash on start (edited)');
  await ed.getByLabel('subject', { exact: true }).press('Enter');
  await expect(ed).toBeHidden();
  await expect(b.cell(0, 'subject')).toHaveText('Crash on start (edited)');
  await expect(b.cell(0, 'subject')).toHaveClass(/\bchanged\b/);
  await expect(b.cell(0, 'subject')).toHaveAttribute('title', 'Was: App crashes on start (S)');
  await expect(b.row(0)).toHaveClass(/\brow-changed\b/);

  // N: a malformed number is refused inline; Enter on the focused cell opens the editor.
  await b.cell(0, 'priority').click();
  await b.grid.press('Enter');
  ed = g.editor('priority');
  await ed.getByLabel('priority', { exact: true }).fill('12abc');
  await expect(ed.getByRole('button', { name: 'Save' })).toBeDisabled();
  await ed.getByLabel('priority', { exact: true }).fill('1');
  await g.save(ed);
  await expect(b.cell(0, 'priority')).toHaveText('1');

  // BOOL.
  ed = await g.openCell(0, 'resolved');
  await ed.getByRole('radio', { name: 'true' }).click();
  await g.save(ed);
  await expect(b.cell(0, 'resolved')).toHaveText('true');

  // B, typed as hex.
  ed = await g.openCell(0, 'attachment');
  await ed.getByRole('radio', { name: 'hex' }).click();
  await ed.getByLabel('attachment', { exact: true }).fill('cafe01');
  await g.save(ed);
  await expect(b.cell(0, 'attachment')).toContainText('yv4B');

  // SS: a duplicate member is refused, a new one added.
  ed = await g.openCell(0, 'tags');
  await ed.getByLabel('New member of tags').fill('login');
  await ed.getByLabel('New member of tags').press('Enter');
  await expect(ed.getByRole('alert')).toContainText('login');
  await ed.getByLabel('New member of tags').fill('urgent');
  await ed.getByRole('button', { name: 'Add', exact: true }).click();
  await g.save(ed);
  await expect(b.cell(0, 'tags')).toContainText('urgent');
  await expect(b.cell(0, 'tags')).toHaveClass(/\bt-SS\b/);

  // L in the JSON editor (DynamoDB JSON of the list).
  ed = await g.openCell(0, 'history');
  await g.setCode(ed, '{"L":[{"S":"opened"},{"N":"2"}]}');
  await g.save(ed);
  await expect(b.cell(0, 'history')).toHaveClass(/\bt-L\b/);

  // A type change, S → NULL, is an explicit action.
  ed = await g.openCell(0, 'assignee');
  await ed.getByLabel('Change type').selectOption('NULL');
  await expect(ed.getByText(/Type change: .*\(S\) → .*\(NULL\)/)).toBeVisible();
  await g.save(ed);
  await expect(b.cell(0, 'assignee')).toHaveClass(/\bt-NULL\b/);

  // A missing attribute becomes M (JSON) and NS (chips).
  ed = await g.openCell(0, 'escalatedTo');
  await ed.getByLabel('Change type').selectOption('M');
  await g.setCode(ed, '{"M":{"team":{"S":"L2"},"level":{"N":"2"}}}');
  await g.save(ed);
  await expect(b.cell(0, 'escalatedTo')).toHaveClass(/\bt-M\b/);
  await expect(b.cell(0, 'escalatedTo')).toHaveAttribute('title', 'Was: (no attribute)');
  ed = await g.openCell(0, 'refundAmount');
  await ed.getByLabel('Change type').selectOption('NS');
  await ed.getByLabel('New member of refundAmount').fill('2.50');
  await ed.getByLabel('New member of refundAmount').press('Enter');
  await ed.getByLabel('New member of refundAmount').fill('1');
  await ed.getByLabel('New member of refundAmount').press('Enter');
  await g.save(ed);
  await expect(b.cell(0, 'refundAmount')).toHaveClass(/\bt-NS\b/);

  // Row 2: NULL → S, the 38-digit number replaced digit for digit, a BS set.
  ed = await g.openCell(1, 'escalatedTo');
  await ed.getByLabel('Change type').selectOption('S');
  await ed.getByLabel('escalatedTo', { exact: true }).fill('dana');
  await g.save(ed);
  ed = await g.openCell(1, 'refundAmount');
  await ed.getByLabel('refundAmount', { exact: true }).fill(NEW_BIG);
  await g.save(ed);
  await expect(b.cell(1, 'refundAmount')).toHaveText(NEW_BIG);
  ed = await g.openCell(1, 'attachment');
  await ed.getByLabel('Change type').selectOption('BS');
  await ed.getByLabel('New member of attachment').fill('AAEC');
  await ed.getByLabel('New member of attachment').press('Enter');
  await g.save(ed);
  await expect(b.cell(1, 'attachment')).toHaveClass(/\bt-BS\b/);
  await page.screenshot({ path: 'test-results/grid-editing.png' });
  // The inspector shows the row as staged.
  await b.cell(1, 'ticketId').click();
  if (!(await b.inspector.isVisible()))
    await page.getByRole('button', { name: 'Inspector' }).click();
  await expect(b.inspectorJson).toContainText(NEW_BIG);

  // The review shows one item per row, each attribute old → new with its type.
  await s.openReview();
  await expect(s.reviewItems).toHaveCount(2);
  await expect(s.plan.puts).toHaveText('2');
  await expect(s.attributeRow('ticketId=T-00018', 'priority')).toContainText('N 4');
  await expect(s.attributeRow('ticketId=T-00018', 'priority')).toContainText('N 1');
  await expect(s.attributeRow('ticketId=T-00018', 'assignee')).toContainText(/type/i);
  await expect(s.attributeRow('ticketId=T-00018', 'tags')).toContainText('urgent');
  await s.item('ticketId=T-00018').getByRole('button', { name: 'Show all 9 attributes' }).click();
  await expect(s.attributeRow('ticketId=T-00018', 'refundAmount')).toContainText('NS');
  await expect(s.attributeRow('ticketId=T-00042', 'refundAmount')).toContainText(NEW_BIG);
  await expect(s.attributeRow('ticketId=T-00042', 'attachment')).toContainText('BS');
  await s.waitSaved();

  // Reload: the staged cells are back, marked, over freshly loaded rows.
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Tables' })
    .getByRole('button', { name: 'SupportTickets', exact: true })
    .click();
  await queryTicket(g, 'T-00042');
  await b.scrollToColumn('refundAmount');
  await expect(b.cell(0, 'refundAmount')).toHaveText(NEW_BIG);
  await expect(b.cell(0, 'refundAmount')).toHaveAttribute(
    'title',
    'Was: 1234567890123456789012345678901234567.8 (N)',
  );
  await expect(b.row(0)).toHaveClass(/\brow-changed\b/);
});

async function selectRows(page: Page, g: GridEditPage, rows: number[]): Promise<void> {
  await g.b.cell(rows[0] as number, 'ticketId').click();
  for (const r of rows.slice(1)) {
    await g.b.cell(r, 'ticketId').click({ modifiers: ['ControlOrMeta'] });
  }
  await expect(g.b.counts).toContainText(`${rows.length} selected`);
  void page;
}

test('add, duplicate and delete items from the grid; undo and redo each as one step', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  await getTickets(g, ['T-00001', 'T-00002', 'T-00003']);

  // Add: the key first, then the item.
  await g.addItem.click();
  await expect(s.addItemDialog).toBeVisible();
  await s.addItemDialog.getByLabel('ticketId').fill('T-77777');
  await s.addItemDialog.getByRole('button', { name: /Next|Continue/ }).click();
  await s.addItemDialog.getByRole('button', { name: /^Stage/ }).click();
  await expect(s.addItemDialog).toBeHidden();
  await expect(b.counts).toContainText('4 loaded');
  await expect(b.row(3)).toHaveClass(/\brow-new\b/);
  await expect(b.cell(3, 'ticketId')).toHaveText('T-77777');

  // Duplicate two rows under new keys.
  await selectRows(page, g, [0, 1]);
  await g.menuAction('Duplicate 2…');
  const dup = page.getByRole('dialog', { name: /^Duplicate/ });
  const keyFields = dup.getByRole('textbox');
  await keyFields.nth(0).fill('T-80001');
  await keyFields.nth(1).fill('T-80002');
  await dup.getByRole('button', { name: /^Stage/ }).click();
  await expect(dup).toBeHidden();
  await expect(b.row(4)).toHaveClass(/\brow-new\b/);
  await expect(b.cell(5, 'ticketId')).toHaveText('T-80002');
  await expect(b.cell(5, 'subject')).toHaveText((await b.cell(1, 'subject').textContent()) ?? '');

  // Delete with the Delete key: rows stay, struck through.
  await selectRows(page, g, [2]);
  await b.grid.press('Delete');
  const del = page.getByRole('dialog', { name: 'Delete 1 item' });
  await del.getByRole('button', { name: /^Stage/ }).click();
  await expect(b.row(2)).toHaveClass(/\brow-deleted\b/);
  await b.cell(0, 'subject').click();
  await page.screenshot({ path: 'test-results/grid-staged-rows.png' });

  await s.openReview();
  await expect(s.plan.puts).toHaveText('3');
  await expect(s.plan.deletes).toHaveText('1');

  // Undo the delete and the duplicate (one step each), then redo the duplicate.
  await b.cell(0, 'ticketId').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(b.row(2)).not.toHaveClass(/\brow-deleted\b/);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(b.counts).toContainText('4 loaded');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(b.counts).toContainText('6 loaded');
  await expect(s.plan.puts).toHaveText('3');
  await expect(s.plan.deletes).toHaveText('0');
});

test('paste a 3×3 range from a spreadsheet into the grid, as one undo step', async ({ page }) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  await getTickets(g, ['T-00001', 'T-00002', 'T-00003', 'T-00004']);
  const cols = await b.grid
    .locator('[role="columnheader"][data-col]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-col')));
  // Columns come in order of first appearance: the seed writes these three in a row.
  expect(cols.slice(1, 4)).toEqual(['status', 'subject', 'priority']);

  // A bad number anywhere stages nothing and says where.
  await b.cell(1, 'status').click();
  await g.pasteIntoGrid('open\tx\tnot-a-number\n');
  const errors = page.getByRole('dialog', { name: 'Paste not staged' });
  await expect(errors).toContainText(
    'Row 2, priority: "not-a-number" is not a number DynamoDB reads.',
  );
  await errors.getByRole('button', { name: 'Close' }).click();
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);

  await b.cell(1, 'status').click();
  await g.pasteIntoGrid('open\tFirst\t1\npending\tSecond\t2\nclosed\tThird\t3\n');
  await expect(g.notice).toHaveText('Pasted 9 cells');
  for (const [row, status, subject, priority] of [
    [1, 'open', 'First', '1'],
    [2, 'pending', 'Second', '2'],
    [3, 'closed', 'Third', '3'],
  ] as const) {
    await expect(b.cell(row, 'status')).toHaveText(status);
    await expect(b.cell(row, 'subject')).toHaveText(subject);
    await expect(b.cell(row, 'priority')).toHaveText(priority);
    await expect(b.cell(row, 'priority')).toHaveClass(/\bt-N\b/);
  }
  await expect(b.row(0)).not.toHaveClass(/\brow-changed\b/);
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(s.changesButton).not.toHaveText(/Changes \(3\)/);
  await expect(b.cell(2, 'subject')).not.toHaveText('Second');
});

test('a bulk set on the selected rows and a bulk rename on every item the query matches', async ({
  page,
}) => {
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  const b = g.b;
  const pending = tickets.filter((t) => t.status && 'S' in t.status && t.status.S === 'pending');
  const withAssignee = pending.filter((t) => t.assignee !== undefined);
  // The index reads oldest first: the three rows the bulk set changes.
  const firstThree = [...pending]
    .sort((x, y) => Number(num(x.createdAt)) - Number(num(y.createdAt)))
    .slice(0, 3);
  const touched = new Set([...withAssignee, ...firstThree]).size;
  expect(pending.length).toBeGreaterThan(100);
  await b.readFrom.selectOption('byStatus');
  await b.operation('Query').click();
  await b.partitionValue.fill('pending');
  await b.pageSize.fill('50');
  await b.run.click();
  await expect(b.counts).toContainText('50 loaded');

  // Bulk set on three selected rows.
  await b.cell(0, 'ticketId').click();
  await b.cell(2, 'ticketId').click({ modifiers: ['Shift'] });
  await expect(b.counts).toContainText('3 selected');
  await g.menuAction('Bulk edit 3 selected…');
  const bulk = page.getByRole('dialog', { name: 'Bulk edit 3 items in SupportTickets' });
  await bulk.getByLabel('Attribute').fill('priority');
  await bulk.getByLabel('Value type').selectOption('N');
  await bulk.getByLabel('Value', { exact: true }).fill('9');
  await bulk.getByRole('button', { name: /^Stage \d changes$/ }).click();
  await expect(bulk).toBeHidden();
  for (const r of [0, 1, 2]) await expect(b.cell(r, 'priority')).toHaveText('9');
  await expect(b.cell(3, 'priority')).not.toHaveText('9');
  await expect(s.changesButton).toHaveText('Changes (3)');

  // Bulk rename over every item the query matches, not only the 50 loaded: counted first.
  await g.menuAction('Bulk edit every item the Query matches…');
  const all = page.getByRole('dialog', {
    name: `Bulk edit ${pending.length.toLocaleString('en-US')} items in SupportTickets`,
  });
  await expect(all).toContainText(
    `${pending.length} items match the Query of byStatus where the partition key is pending`,
  );
  await all.getByRole('radio', { name: 'Rename an attribute' }).click();
  await all.getByLabel('Rename', { exact: true }).fill('assignee');
  await all.getByLabel('To', { exact: true }).fill('owner');
  await all.getByRole('button', { name: /^Stage [\d,]+ changes$/ }).click();
  await expect(all).toBeHidden();
  await s.openReview();
  // Every pending ticket with an assignee changed; the three set ones were already staged.
  await expect(s.plan.puts).toHaveText(touched.toLocaleString('en-US'));
  await expect(s.plan.deletes).toHaveText('0');
  await b.scrollToColumn('owner');
  await expect(b.cell(0, 'owner')).toHaveClass(/\bchanged\b/);
  // One undo step takes the whole rename back.
  await s.undoButton.click();
  await expect(s.changesButton).toHaveText('Changes (3)');
});
