import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage } from '../pages/AppPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';
import { startHost } from '../../test-support/servers/webHost';

const BIG = '12345678901234567890123456789012345678';
const CSV = [
  'ticketId,status,createdAt,tags,score,note',
  `T-9001,open,1700000000001,billing|urgent,${BIG},first`,
  'T-9002,pending,1700000000002,billing,1.50,second',
  'T-9003,closed,1700000000003,,7,third',
  'T-9004,open,not-a-number,x|x,2,fourth',
].join('\n');

test.beforeEach(async ({ request, host, page }) => {
  await StagingPage.clear(request, host);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  await expect(app.tableButton('SupportTickets')).toHaveAttribute('aria-current', 'true');
});

async function importTickets(s: StagingPage, screenshot?: string) {
  await s.openReview();
  await s.importFileText('tickets.csv', CSV);
  await expect(s.importDialog.getByText('4 rows, 6 columns')).toBeVisible();
  await s.importDialog.getByLabel('Type of createdAt').selectOption('N');
  await s.importDialog.getByLabel('Type of tags').selectOption('SS');
  await s.importDialog.getByLabel('Separator of tags').fill('|');
  await expect(s.importErrors).toContainText(
    'Row 4, createdAt: "not-a-number" is not a number DynamoDB reads.',
  );
  await expect(s.importErrors).toContainText('Row 4, tags: The set holds "x" twice');
  await expect(s.importDialog.getByRole('button', { name: 'Stage 3 puts' })).toBeVisible();
  if (screenshot) await s.page.screenshot({ path: `test-results/${screenshot}` });
  await s.stageImport();
  await expect(s.importDialog).toBeHidden();
}

test('a CSV import is staged as one undo step, with its diff and the plan counts', async ({
  page,
}) => {
  const s = new StagingPage(page);
  await importTickets(s, 'staging-import-preview.png');
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await expect(s.reviewItems).toHaveCount(3);
  await expect(s.plan.puts).toHaveText('3');
  await expect(s.plan.deletes).toHaveText('0');
  await expect(s.plan.requests).toHaveText('1');
  await expect(s.plan.wcu).toHaveText('3');
  // Per-attribute diff of a new item: every attribute added, types and digits as imported.
  await expect(s.attributeRow('ticketId=T-9001', 'score')).toContainText(`N ${BIG}`);
  await expect(s.attributeRow('ticketId=T-9001', 'tags')).toContainText('SS {billing, urgent}');
  await expect(s.attributeRow('ticketId=T-9003', 'tags')).toHaveCount(0); // empty cell: left out
  await page.screenshot({ path: 'test-results/staging-review-light.png' });

  // Undo and redo from the keyboard, outside any text field.
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);
  await expect(s.review.getByText('No staged changes match the filters.')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await expect(s.reviewItems).toHaveCount(3);

  // The same from the buttons.
  await s.undoButton.click();
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);
  await s.redoButton.click();
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/staging-review-dark.png' });
});

test('staged changes survive a reload, types and digits intact', async ({ page }) => {
  const s = new StagingPage(page);
  await importTickets(s);
  // Edit one attribute through the cell editor: the set refuses a duplicate and becoming empty.
  await s
    .attributeRow('ticketId=T-9001', 'tags')
    .getByRole('button', { name: 'Edit tags' })
    .click();
  const editor = page.getByRole('dialog', { name: 'Edit tags' });
  await editor.getByLabel('New member of tags').fill('urgent');
  await editor.getByLabel('New member of tags').press('Enter');
  await expect(editor.getByRole('alert')).toHaveText(
    '"urgent" is already in the set; set members must differ.',
  );
  await editor.getByRole('button', { name: 'Remove billing' }).click();
  const last = editor.getByRole('button', { name: 'Remove urgent' });
  await expect(last).toHaveAttribute('aria-disabled', 'true');
  await last.click({ force: true }); // still answers, with the reason
  await expect(editor.getByRole('alert')).toHaveText(
    'A string set cannot be empty; remove the attribute instead.',
  );
  await editor.getByLabel('New member of tags').fill('vip');
  await editor.getByLabel('New member of tags').press('Enter');
  await page.screenshot({ path: 'test-results/staging-cell-editor-set.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/staging-cell-editor-set-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(s.attributeRow('ticketId=T-9001', 'tags')).toContainText('SS {urgent, vip}');

  // An explicit type change shows as one in the diff.
  await s
    .attributeRow('ticketId=T-9002', 'score')
    .getByRole('button', { name: 'Edit score' })
    .click();
  const scoreEditor = page.getByRole('dialog', { name: 'Edit score' });
  await scoreEditor.getByLabel('Change type').selectOption('S');
  await expect(scoreEditor.getByRole('status')).toContainText(
    'Type change: number (N) → string (S)',
  );
  await scoreEditor.getByRole('button', { name: 'Save' }).click();
  await expect(s.attributeRow('ticketId=T-9002', 'score')).toContainText('S "1.50"');

  await s.waitSaved();
  await page.reload();
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await s.openReview();
  await expect(s.reviewItems).toHaveCount(3);
  await expect(s.attributeRow('ticketId=T-9001', 'score')).toContainText(BIG);
  await expect(s.attributeRow('ticketId=T-9001', 'tags')).toContainText('SS {urgent, vip}');
  await expect(s.attributeRow('ticketId=T-9002', 'score')).toContainText('S "1.50"');
  // Undo history does not survive a reload, the staged changes do.
  await expect(s.undoButton).toBeDisabled();
});

test('bulk edit and copy of the shown items, each one undo step, reviewed across both tables', async ({
  page,
}) => {
  const s = new StagingPage(page);
  await importTickets(s);
  await s.review.getByLabel('Table filter').selectOption({ label: 'SupportTickets (3)' });

  await s.review.getByRole('button', { name: 'Bulk edit shown…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk edit 3 items in SupportTickets' });
  await bulk.getByLabel('Attribute').fill('status');
  await bulk.getByLabel('Value', { exact: true }).fill('closed');
  await expect(bulk.getByRole('status')).toContainText('Changes 2 of 3 items, as one undo step.');
  await expect(bulk.getByRole('status')).toContainText(
    '1 left as they are: already has that value',
  );
  await bulk.getByRole('button', { name: 'Stage 2 changes' }).click();
  await expect(s.attributeRow('ticketId=T-9001', 'status')).toContainText('S "closed"');
  await s.undoButton.click();
  await expect(s.attributeRow('ticketId=T-9001', 'status')).toContainText('S "open"');
  await s.redoButton.click();
  await expect(s.attributeRow('ticketId=T-9001', 'status')).toContainText('S "closed"');

  await s.review.getByRole('button', { name: 'Copy or move shown…' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy 3 items from SupportTickets' });
  await copy.getByLabel('Target table').selectOption('TicketArchive');
  await expect(copy.getByRole('status')).toContainText('Copies 3 items into TicketArchive.');
  await page.screenshot({ path: 'test-results/staging-copy-dialog.png' });
  await copy.getByRole('button', { name: 'Stage copy' }).click();
  await s.review.getByLabel('Table filter').selectOption({ label: 'All tables' });
  await expect(s.reviewItems).toHaveCount(6);
  await expect(s.plan.puts).toHaveText('6');
  await expect(s.plan.requests).toHaveText('1');
  await expect(s.item('ticketId=T-9001').filter({ hasText: 'TicketArchive' })).toBeVisible();
  await s.undoButton.click();
  await expect(s.reviewItems).toHaveCount(3);
});

test('validation blocks commit for an empty set and an item over 400 KB', async ({ page }) => {
  const s = new StagingPage(page);
  await s.openReview();

  // An empty set typed as DynamoDB JSON in the item editor.
  await s.addItemButton.click();
  await s.addItemDialog.getByLabel('ticketId').fill('T-EMPTY');
  await s.addItemDialog.getByRole('button', { name: 'Next' }).click();
  await s.addItemDialog.getByRole('radio', { name: 'DynamoDB JSON' }).click();
  await s.setEditorText('{"ticketId": {"S": "T-EMPTY"}, "tags": {"SS": []}}');
  await expect(
    s.addItemDialog.getByRole('list', { name: 'Problems DynamoDB would reject' }),
  ).toContainText('tags is an empty string set');
  await page.screenshot({ path: 'test-results/staging-item-editor.png' });
  await s.addItemDialog.getByRole('button', { name: 'Stage new item' }).click();
  await expect(s.addItemDialog).toBeHidden();

  // An item over 400 KB, imported from JSON lines.
  const body = 'x'.repeat(410 * 1024);
  await s.importFileText(
    'big.jsonl',
    JSON.stringify({ ticketId: 'T-BIG', body }) + '\n',
    'application/x-ndjson',
  );
  await s.stageImport();

  await expect(s.validation).toContainText('2 problems in 2 items block commit');
  await expect(s.validation).toContainText(
    'tags is an empty string set; DynamoDB has no empty sets (remove the attribute).',
  );
  // ticketId (8) + T-BIG (5) + body (4) + 419,840 bytes of text.
  await expect(s.validation).toContainText(
    'The item is 419,857 bytes; DynamoDB allows at most 409,600 (400 KB).',
  );
  await expect(
    s.item('ticketId=T-BIG').getByRole('list', { name: 'Problems that block commit' }),
  ).toContainText('419,857 bytes');
  await expect(s.exportButton).toBeDisabled();
  await expect(s.review.getByText('Fix the 2 problems first.')).toBeVisible();
  await expect(s.commitButton).toBeDisabled();
  await page.screenshot({ path: 'test-results/staging-validation-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/staging-validation-dark.png' });

  // Reverting the two items (with a confirmation) clears the problems.
  await s.review.getByRole('button', { name: 'Revert all…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revert all 2 staged changes?' });
  await confirm.getByRole('button', { name: 'Revert 2' }).click();
  await expect(s.validation).toBeHidden();
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);
});

test('the plan downloads as one zip of AWS CLI request-items files of at most 25 requests', async ({ page }) => {
  const s = new StagingPage(page);
  await s.openReview();
  const rows = Array.from({ length: 30 }, (_, i) => `T-E${String(i).padStart(2, '0')},open`);
  await s.importFileText('many.csv', ['ticketId,status', ...rows].join('\n'));
  await s.stageImport();
  await expect(s.plan.requests).toHaveText('2');
  await s.kindFilter(/^New \(put\)/).click();
  await expect(s.reviewItems.first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), s.exportButton.click()]);
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const text = (name: string) => strFromU8(zip[name]!);
  const names = Object.keys(zip).sort();
  expect(names).toEqual([
    'batch-write-items.sh',
    'dynostage-plan.jsonl',
    'put-0001.json',
    'put-0002.json',
  ]);
  const first = JSON.parse(text('put-0001.json')) as Record<string, unknown[]>;
  expect(first.SupportTickets).toHaveLength(25);
  expect(first.SupportTickets![0]).toEqual({
    PutRequest: { Item: { ticketId: { S: 'T-E00' }, status: { S: 'open' } } },
  });
  expect(text('batch-write-items.sh')).toContain("run 'put-0002.json'");
  expect(text('dynostage-plan.jsonl').trim().split('\n')).toHaveLength(31); // the id line and 30
});

test('staged changes survive a restart, and a damaged file is moved aside and reported', async ({
  page,
}) => {
  test.slow(); // starts two hosts of its own, one after the other, on one data directory
  const s = new StagingPage(page);
  const app = new AppPage(page);
  const first = await startHost();
  try {
    await app.open(first.url);
    await app.openTable('SupportTickets');
    await s.openReview();
    await s.importFileText('one.csv', 'ticketId,status\nT-KEEP,open\n');
    await s.stageImport();
    await s.waitSaved();
  } finally {
    await first.stop();
  }
  // The restart finds one damaged file of another table beside the good one.
  mkdirSync(join(first.dataDir, 'staging', 'sandbox'), { recursive: true });
  writeFileSync(
    join(first.dataDir, 'staging', 'sandbox', 'TicketArchive.json'),
    '{"version":1,"conn',
  );
  const second = await startHost({ dataDir: first.dataDir });
  try {
    await app.open(second.url);
    await expect(s.changesButton).toHaveText(/Changes \(1\)/);
    await expect(s.banner).toContainText('could not be read and was moved aside');
    await expect(s.banner).toContainText('TicketArchive.json.damaged-');
    await page.screenshot({ path: 'test-results/staging-damaged-banner.png' });
    await s.banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(s.banner).toBeHidden();
    await s.openReview();
    await expect(s.item('ticketId=T-KEEP')).toBeVisible();
    await expect(s.attributeRow('ticketId=T-KEEP', 'status')).toContainText('S "open"');
  } finally {
    await second.stop();
  }
});
