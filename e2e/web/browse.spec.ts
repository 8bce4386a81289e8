import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'papaparse';
import { BIG_NUMBER, orgUsers, supportTickets } from '../../server/sandbox/seedData';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

const tickets = supportTickets();
const str = (item: (typeof tickets)[number], name: string) => {
  const v = item[name];
  return v && 'S' in v ? v.S : v && 'N' in v ? v.N : undefined;
};

async function openTable(page: Page, host: RunningHost, table: string): Promise<BrowsePage> {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable(table);
  const browse = new BrowsePage(page);
  await expect(browse.itemsTab).toHaveAttribute('aria-selected', 'true');
  await expect(browse.run).toBeEnabled();
  return browse;
}

async function loadAllTickets(b: BrowsePage, segments = 1): Promise<void> {
  await b.operation('Scan').click();
  await b.segments.fill(String(segments));
  await b.loadAll.click();
  await expect(b.loadStatus).toContainText('All pages read');
  // Load all reads DynamoDB's full pages, not Run's 100 items at a time: the 600 KB table is one
  // (one per segment).
  await expect(b.loadStatus).toContainText(segments === 1 ? '2,000 items · 1 page ·' : `2,000 items · ${segments} pages`);
  await expect(b.counts).toContainText('2,000 loaded · 2,000 shown');
}

test('queries SupportTickets by key and shows the 38-digit number exactly', async ({
  page,
  host,
}) => {
  const b = await openTable(page, host, 'SupportTickets');
  await b.operation('Query').click();
  await expect(b.requestKind).toHaveText('Query');
  await b.partitionValue.fill('T-00042');
  await b.requestPreview.locator('summary').click();
  await expect(b.requestPreview).toContainText('KeyConditionExpression');
  await expect(b.requestPreview).toContainText('#n0 = :v0');
  await expect(b.requestPreview).toContainText('{":v0":{"S":"T-00042"}}');
  await b.run.click();
  await expect(b.counts).toContainText('1 loaded');
  await expect(b.cell(0, 'ticketId')).toHaveText('T-00042');
  // Only the columns in view render: scroll to the last one.
  await b.scrollToColumn('refundAmount');
  await expect(b.cell(0, 'refundAmount')).toHaveText(BIG_NUMBER);
  await expect(b.cell(0, 'refundAmount')).toHaveClass(/\bt-N\b/);

  // The inspector shows the same digits, in DynamoDB JSON and in plain JSON.
  await b.cell(0, 'refundAmount').click();
  await expect(b.inspectorJson).toContainText(`"refundAmount": {\n    "N": "${BIG_NUMBER}"\n  }`);
  await b.inspector.getByRole('radio', { name: 'JSON', exact: true }).click();
  await expect(b.inspectorJson).toContainText(`"refundAmount": ${BIG_NUMBER}`);

  // Copying the cell gives the stored digits too.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await b.cell(0, 'refundAmount').click({ button: 'right' });
  await b.cellMenu.getByRole('menuitem', { name: /Copy cell/ }).click();
  await expect(b.gridNotice).toHaveText('Copied refundAmount');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BIG_NUMBER);
});

test('queries the byStatus index, newest first, without consistent reads', async ({
  page,
  host,
}) => {
  const b = await openTable(page, host, 'SupportTickets');
  await b.readFrom.selectOption('byStatus');
  await expect(b.consistentRead).toBeDisabled();
  await b.operation('Query').click();
  await b.partitionValue.fill('pending');
  await b.descending.check();
  await b.pageSize.fill('');
  await b.run.click();
  const expected = tickets
    .filter((t) => str(t, 'status') === 'pending')
    .sort((x, y) => Number(str(y, 'createdAt')) - Number(str(x, 'createdAt')));
  await expect(b.counts).toContainText(`${expected.length} loaded`);
  const ids = await b.columnTexts('ticketId');
  expect(ids.slice(0, 10)).toEqual(expected.slice(0, 10).map((t) => str(t, 'ticketId')));
  expect(new Set(await b.columnTexts('status'))).toEqual(new Set(['pending']));
});

test('a BETWEEN sort key condition on OrgUsers returns u005 to u010', async ({ page, host }) => {
  const b = await openTable(page, host, 'OrgUsers');
  await b.operation('Query').click();
  await b.partitionValue.fill('acme');
  await b.sortCondition.selectOption('between');
  await b.sortValue.fill('u005');
  await b.sortUpperValue.fill('u010');
  await b.run.click();
  await expect(b.counts).toContainText('6 loaded');
  expect(await b.columnTexts('userId')).toEqual(['u005', 'u006', 'u007', 'u008', 'u009', 'u010']);
  expect(await b.columnTexts('orgId')).toEqual(Array(6).fill('acme'));
  // Both key columns are pinned first, partition key then sort key.
  await expect(b.header('orgId')).toContainText('PK');
  await expect(b.header('userId')).toContainText('SK');
  expect(orgUsers().filter((u) => str(u, 'orgId') === 'acme')).toHaveLength(30);
});

test('filters joined with OR, read with Load all', async ({ page, host }) => {
  const b = await openTable(page, host, 'SupportTickets');
  await b.addFilter.click();
  await b.filterField(1, 'attribute').fill('priority');
  await b.filterField(1, 'value type').selectOption('N');
  await b.filterField(1, 'value').fill('5');
  await b.addFilter.click();
  await b.filterField(2, 'attribute').fill('status');
  await b.filterField(2, 'value').fill('pending');
  await b.combineFilters.selectOption('OR');
  await expect(b.requestKind).toHaveText('Scan');
  await expect(b.requestPreview).toContainText('(#n0 = :v0) OR (#n1 = :v1)');
  await b.loadAll.click();
  await expect(b.loadStatus).toContainText('All pages read');
  const expected = tickets.filter(
    (t) => str(t, 'priority') === '5' || str(t, 'status') === 'pending',
  );
  await expect(b.counts).toContainText(`${expected.length.toLocaleString('en-US')} loaded`);
  await expect(b.loadStatus).toContainText('2,000 evaluated');
});

test('validates before sending: a missing key value and a malformed number', async ({
  page,
  host,
}) => {
  const b = await openTable(page, host, 'SupportTickets');
  await b.operation('Query').click();
  await expect(b.builder.getByText('Enter a value for ticketId to query')).toHaveCount(0);
  // The table opened with its first page; an invalid query sends nothing, so that page stays.
  await expect(b.loadStatus).toContainText('100 items · 1 page');
  await b.run.click();
  await expect(b.builder.getByText('Enter a value for ticketId to query')).toBeVisible();
  await expect(b.loadStatus).toContainText('100 items · 1 page');
  await b.operation('Scan').click();
  await b.addFilter.click();
  await b.filterField(1, 'attribute').fill('priority');
  await b.filterField(1, 'value type').selectOption('N');
  await b.filterField(1, 'value').fill('12x');
  await expect(b.filterField(1, 'value')).toHaveAttribute('aria-invalid', 'true');
  await expect(b.builder.locator('.filter-row .b-error')).toContainText(/number/i);
  await b.run.click();
  await expect(b.loadStatus).toContainText('100 items · 1 page');
  await b.filterField(1, 'value').fill('12');
  await b.run.click();
  await expect(b.loadStatus).toContainText('items');
});

test('gets 50 tickets by pasted IDs and lists the two that do not exist', async ({
  page,
  host,
}) => {
  const b = await openTable(page, host, 'SupportTickets');
  const ids = Array.from({ length: 48 }, (_, i) => 'T-' + String(i + 1).padStart(5, '0'));
  const lines = [...ids.slice(0, 20), 'T-09998', ...ids.slice(20), 'T-09999', 'T-00001'];
  await b.getByKeyButton.click();
  await b.keysDialog.getByLabel('Keys for SupportTickets').fill(lines.join('\n'));
  await expect(b.keysDialog.getByTestId('key-summary-SupportTickets')).toHaveText(
    '50 keys · 1 repeated (read once)',
  );
  await b.keysDialog.getByRole('button', { name: 'Get 50 items' }).click();
  const results = b.keysDialog.getByRole('region', { name: 'Results for SupportTickets' });
  await expect(results).toContainText('SupportTickets: 48 found, 2 missing');
  await expect(
    results.getByRole('list', { name: 'Missing keys in SupportTickets' }).getByRole('listitem'),
  ).toHaveText(['T-09998', 'T-09999']);
  await b.keysDialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(b.keysDialog).toHaveCount(0);
  await expect(b.counts).toContainText('48 loaded');
  await expect(b.loadStatus).toContainText('Read by key');
  // Found items come in the order their keys were pasted.
  expect((await b.columnTexts('ticketId')).slice(0, 5)).toEqual(ids.slice(0, 5));
});

test('loads all 2,000 tickets, sorts, filters, selects and navigates by keyboard', async ({
  page,
  host,
}) => {
  const b = await openTable(page, host, 'SupportTickets');
  await loadAllTickets(b);

  await b.header('priority').getByRole('button').click();
  await expect(b.header('priority')).toHaveAttribute('aria-sort', 'ascending');
  expect(new Set((await b.columnTexts('priority')).slice(0, 15))).toEqual(new Set(['1']));
  await b.header('priority').getByRole('button').click();
  await expect(b.header('priority')).toHaveAttribute('aria-sort', 'descending');
  expect(new Set((await b.columnTexts('priority')).slice(0, 15))).toEqual(new Set(['5']));

  await b.quickFilter.fill('t-0004');
  await expect(b.counts).toContainText('2,000 loaded · 10 shown');
  await b.header('ticketId').getByRole('button').click();
  await b.header('ticketId').getByRole('button').click();
  await expect(b.header('ticketId')).toHaveAttribute('aria-sort', 'descending');
  expect(await b.columnTexts('ticketId')).toEqual(
    Array.from({ length: 10 }, (_, i) => 'T-000' + String(49 - i)),
  );

  // Click, Shift+click and Ctrl+click select rows; the checkbox column mirrors them.
  await b.cell(0, 'status').click();
  await b.cell(3, 'status').click({ modifiers: ['Shift'] });
  await expect(b.counts).toContainText('4 selected');
  await b.cell(1, 'status').click({ modifiers: ['ControlOrMeta'] });
  await expect(b.counts).toContainText('3 selected');
  await expect(b.rowCheckbox(1)).toHaveAttribute('aria-checked', 'false');
  await expect(b.rowCheckbox(2)).toHaveAttribute('aria-checked', 'true');

  // Arrows move the focused cell (and select its row); Home/End jump across columns.
  await page.keyboard.press('ArrowDown');
  await expect(b.cell(2, 'status')).toHaveAttribute('aria-selected', 'true');
  await expect(b.counts).toContainText('1 selected');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(b.counts).toContainText('2 selected');
  await page.keyboard.press('Home');
  await expect(b.cell(3, 'ticketId')).toHaveAttribute('aria-selected', 'true');
  await expect(b.inspectorJson).toContainText('"S": "T-00046"');
  await page.keyboard.press('ControlOrMeta+a');
  await expect(b.counts).toContainText('10 selected');
  await page.keyboard.press('Escape');
  await expect(b.counts).toContainText('0 selected');
});

test('columns can be hidden and reordered; Table info shows the description', async ({
  page,
  host,
}) => {
  const b = await openTable(page, host, 'SupportTickets');
  await b.run.click();
  await expect(b.header('subject')).toBeVisible();
  await b.columnsButton.click();
  await b.columnsPanel.getByLabel('Show subject').uncheck();
  await expect(b.header('subject')).toHaveCount(0);
  await expect(b.columnsButton).toHaveText(/Columns \(1 hidden\)/);
  // Moving passes the hidden column too: twice puts priority before status.
  await b.columnsPanel.getByRole('button', { name: 'Move priority left' }).click();
  await b.columnsPanel.getByRole('button', { name: 'Move priority left' }).click();
  const headers = b.grid.locator('[role="columnheader"][data-col]');
  await expect(headers.nth(0)).toHaveAttribute('data-col', 'ticketId');
  await expect(headers.nth(1)).toHaveAttribute('data-col', 'priority');
  await expect(headers.nth(2)).toHaveAttribute('data-col', 'status');
  // Escape closes the panel even though the button pressed last is now disabled (focus left it).
  await page.keyboard.press('Escape');
  await expect(b.columnsPanel).toBeHidden();

  // Drag a header onto another to move it there; drag a header's edge to resize it.
  await b.dragHeader('tags', 'priority');
  await expect(headers.nth(1)).toHaveAttribute('data-col', 'tags');
  // The edge into view first: columns are as wide as their values, and status can end under the
  // inspector, where a press would select the inspector's text instead.
  const handle = b.header('status').getByRole('separator');
  await handle.scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      handle.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
      }),
    )
    .toBe(true);
  const before = (await b.header('status').boundingBox())?.width ?? 0;
  const edge = await handle.boundingBox();
  if (!edge) throw new Error('no resize handle');
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 120, edge.y + edge.height / 2, { steps: 6 });
  await page.mouse.up();
  const after = (await b.header('status').boundingBox())?.width ?? 0;
  expect(after - before).toBeGreaterThan(100);
  expect((await b.cell(0, 'status').boundingBox())?.width).toBeCloseTo(after, 0);

  await b.infoTab.click();
  await expect(page.getByTestId('key-schema')).toContainText('ticketId');
  await b.itemsTab.click();
  await expect(b.counts).toContainText('100 loaded');
});

test('exports all loaded rows as CSV, JSON and DynamoDB JSON lines', async ({ page, host }) => {
  const b = await openTable(page, host, 'SupportTickets');
  // Read with 4 parallel Scan segments.
  await loadAllTickets(b, 4);

  const exportAs = async (format: RegExp) => {
    await b.exportButton.click();
    await b.exportDialog.getByRole('radio', { name: /All loaded rows/ }).check();
    await b.exportDialog.getByRole('radio', { name: format }).check();
    const download = page.waitForEvent('download');
    await b.exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^SupportTickets-\d{8}-\d{4}\.\w+$/);
    return readFileSync(await file.path(), 'utf8');
  };

  const csv = await exportAs(/^CSV/);
  const rows = parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
  const header = rows[0] as string[];
  expect(header.slice(0, 3)).toEqual(['ticketId', 'status', 'subject']);
  expect(rows).toHaveLength(2001);
  const col = (name: string) => header.indexOf(name);
  const big = rows.find((r) => r[col('ticketId')] === 'T-00042') as string[];
  expect(big[col('refundAmount')]).toBe(BIG_NUMBER);
  const t42 = tickets[41] as (typeof tickets)[number];
  const tags = JSON.parse(big[col('tags')] as string) as { SS: string[] };
  expect([...tags.SS].sort()).toEqual('SS' in t42.tags! ? [...t42.tags.SS].sort() : null);
  expect(big[col('resolved')]).toMatch(/^(true|false)$/);
  const other = rows.find((r) => r[col('ticketId')] === 'T-00001') as string[];
  expect(other[col('refundAmount')]).toBe('');

  const json = await exportAs(/^JSON/);
  expect(json).toContain(`"refundAmount": ${BIG_NUMBER}`);
  const items = JSON.parse(json) as Record<string, unknown>[];
  expect(items).toHaveLength(2000);
  expect(new Set(items.map((i) => i.ticketId)).size).toBe(2000);

  const lines = (await exportAs(/^DynamoDB JSON lines/)).trimEnd().split('\n');
  expect(lines).toHaveLength(2000);
  const line42 = lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((i) => JSON.stringify(i.ticketId) === '{"S":"T-00042"}');
  expect(line42?.refundAmount).toEqual({ N: BIG_NUMBER });
});

test('exports only the selected rows', async ({ page, host }) => {
  const b = await openTable(page, host, 'SupportTickets');
  await b.run.click();
  await expect(b.counts).toContainText('100 loaded');
  await b.rowCheckbox(0).click();
  await b.rowCheckbox(2).click();
  await expect(b.counts).toContainText('2 selected');
  const picked = [
    await b.cell(0, 'ticketId').textContent(),
    await b.cell(2, 'ticketId').textContent(),
  ];
  await b.exportButton.click();
  await expect(b.exportDialog.getByRole('radio', { name: 'Selected rows (2)' })).toBeChecked();
  await b.exportDialog.getByRole('radio', { name: /^JSON/ }).check();
  const download = page.waitForEvent('download');
  await b.exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const items = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    ticketId: string;
  }[];
  expect(items.map((i) => i.ticketId)).toEqual(picked);
});

test('a service error shows the service message and the app keeps working', async ({ page }) => {
  // A host of its own: this test deletes a table under the app's feet.
  const own = await startHost();
  try {
    const status = await fetch(`${own.origin}/api/sandbox:status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${own.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const { value } = (await status.json()) as { value: { endpoint: string } };
    const client = new DynamoDBClient({
      endpoint: value.endpoint,
      region: 'us-east-1',
      // The test hosts' sandbox key (test-support/servers/webHost.ts); the guard refuses any other.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(
      new CreateTableCommand({
        TableName: 'Doomed',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    // dynalite answers CreateTable before the table is ACTIVE: a write before then is refused.
    await expect
      .poll(
        async () =>
          (await client.send(new DescribeTableCommand({ TableName: 'Doomed' }))).Table?.TableStatus,
      )
      .toBe('ACTIVE');
    await client.send(new PutItemCommand({ TableName: 'Doomed', Item: { id: { S: 'a' } } }));
    const b = await openTable(page, own, 'Doomed');
    await b.run.click();
    await expect(b.counts).toContainText('1 loaded');
    await client.send(new DeleteTableCommand({ TableName: 'Doomed' }));
    await b.run.click();
    await expect(b.serviceError).toContainText('ResourceNotFoundException');
    await expect(b.serviceError).toContainText('Requested resource not found');
    await expect(b.loadStatus).toContainText('Failed');
    // The rest of the app still works.
    await new AppPage(page).openTable('SupportTickets');
    await b.run.click();
    await expect(b.counts).toContainText('100 loaded');
    await expect(b.serviceError).toHaveCount(0);
  } finally {
    await own.stop();
  }
});

test('light and dark screenshots of the grid with the inspector', async ({ page, host }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await page.addInitScript((t) => localStorage.setItem('dynostage.theme', t), theme);
    const b = await openTable(page, host, 'SupportTickets');
    await b.operation('Scan').click();
    await b.addFilter.click();
    await b.filterField(1, 'attribute').fill('history[0].by');
    await b.filterField(1, 'operator').selectOption('attribute_exists');
    await b.run.click();
    await expect(b.counts).toContainText('loaded');
    await b.cell(1, 'status').click();
    await b.cell(2, 'status').click({ modifiers: ['Shift'] });
    await b.scrollToColumn('history');
    await b.row(1).locator('[data-col="history"] [data-open]').click();
    await expect(b.inspector.getByRole('region', { name: 'Attribute history' })).toBeVisible();
    await page.screenshot({ path: `test-results/browse-${theme}.png` });
  }
});
