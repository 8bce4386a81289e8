/**
 * Atomic mode in Chromium against the web host: the archive job on a moto connection (moto has
 * transactions; dynalite, the sandbox, has none) with one ticket the archive refuses, and the
 * sandbox, where Atomic is disabled with the endpoint's reason while guarded commits still work.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { fromSdkItem, toSdkItem } from '../../server/sdk/convert';
import type { Item } from '../../shared/dynamo/types';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { CommitPage } from '../pages/CommitPage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, requireMoto, test } from '../support/motoFixture';

const REGION = 'sa-east-1';

async function api<T>(origin: string, token: string, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${channel}: ${json.error?.message}`);
  return json.value as T;
}

async function scanAll(sdk: DynamoDBClient, table: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await sdk.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...(page.Items ?? []).map(fromSdkItem));
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return out;
}
const idOf = (i: Item) => (i.ticketId as { S: string }).S;

test('the archive job in Atomic mode: 100 tickets moved; the one the archive already holds stays, shown as a conflict', async ({ page, host, moto }) => {
  test.setTimeout(240_000);
  const m = requireMoto(moto);
  const sdk = new DynamoDBClient({ endpoint: m.endpoint, region: REGION, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  try {
    for (const TableName of ['AtomicTickets', 'AtomicArchive']) {
      await sdk.send(
        new CreateTableCommand({
          TableName,
          KeySchema: [{ AttributeName: 'ticketId', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'ticketId', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
    const tickets: Item[] = Array.from({ length: 100 }, (_, i) => ({
      ticketId: { S: `A-${String(i).padStart(3, '0')}` },
      status: { S: 'resolved' },
      priority: { N: String(i % 5) },
      tags: { SS: ['billing', `t${i}`] },
    }));
    for (let at = 0; at < 100; at += 25) {
      await sdk.send(new BatchWriteItemCommand({ RequestItems: { AtomicTickets: tickets.slice(at, at + 25).map((t) => ({ PutRequest: { Item: toSdkItem(t) } })) } }));
    }
    const already: Item = { ticketId: { S: 'A-042' }, note: { S: 'archived last year' } };
    await sdk.send(new PutItemCommand({ TableName: 'AtomicArchive', Item: toSdkItem(already) }));
    await api(host.origin, host.token, 'connections:save', { kind: 'endpoint', name: 'moto-atomic', region: REGION, endpoint: m.endpoint });

    await page.goto(host.url);
    await new ConnectionsPage(page).selectByName('moto-atomic');
    await new AppPage(page).openTable('AtomicTickets');
    const b = new BrowsePage(page);
    const g = new GridEditPage(page);
    await b.operation('Scan').click();
    await b.loadAll.click();
    await expect(b.counts).toContainText('100 loaded');
    await b.cell(0, 'ticketId').click();
    await b.grid.press('ControlOrMeta+a');
    await expect(b.counts).toContainText('100 selected');
    await g.menuAction('Move 100 to another table…');
    const move = page.getByRole('dialog', { name: 'Move 100 items from AtomicTickets' });
    await move.getByLabel('Target table').selectOption('AtomicArchive');
    await move.getByRole('button', { name: 'Stage move' }).click();
    await expect(move).toBeHidden();

    const c = new CommitPage(page);
    await c.openReview();
    await expect(c.changesButton).toHaveText('Changes (200)');
    await c.options.locator('summary').click();
    const atomic = c.options.getByRole('radio', { name: /^Atomic/ });
    await expect(atomic).toBeEnabled(); // moto answered TransactWriteItems
    await atomic.check();
    await expect(c.review.getByTestId('plan-mode')).toContainText('Atomic: TransactWriteItems');
    await expect(c.review.getByTestId('plan-calls')).toHaveText('2');
    await expect(c.review.getByTestId('plan-est-wcu')).toHaveText('400');
    await expect(c.review.getByTestId('atomic-summary')).toContainText('2 transactions');
    await expect(c.review.getByTestId('atomic-summary')).toContainText('Every write is billed twice: 400 WCU for 200 written.');
    await expect(c.review.getByTestId('atomic-group')).toHaveText([
      '100 actions — AtomicArchive: 50 puts · AtomicTickets: 50 deletes · 9 KB',
      '100 actions — AtomicArchive: 50 puts · AtomicTickets: 50 deletes · 9 KB',
    ].map((t) => new RegExp(`^${t.replace(/ · \d+ KB$/, ' · \\d+ KB')}$`)));

    // Everything or nothing cannot hold 200 actions: the review says so before anything is sent.
    await c.options.getByRole('radio', { name: /^Everything or nothing/ }).check();
    await expect(c.review.getByTestId('atomic-refused')).toContainText('only possible up to 100 actions in one transaction: these changes need 200');
    await c.options.getByRole('radio', { name: /^Each group all or nothing/ }).check();
    await page.screenshot({ path: 'test-results/atomic-review.png' });
    expect(await seriousFindings(page, 'details.commit-options')).toEqual([]);
    expect(await seriousFindings(page, '.review-summary')).toEqual([]);

    await c.commitButton.click();
    await expect(c.conflicts).toBeVisible({ timeout: 120_000 });
    await expect(c.conflictItems).toHaveCount(1);
    await expect(c.conflict('A-042')).toContainText('archived last year');
    await page.screenshot({ path: 'test-results/atomic-conflict.png' });
    expect(await seriousFindings(page, '[aria-label="Conflicts"]')).toEqual([]);

    // Straight from moto: 99 moved unchanged, A-042 still in the source, the archive's copy untouched.
    const left = await scanAll(sdk, 'AtomicTickets');
    expect(left.map(idOf)).toEqual(['A-042']);
    const archive = new Map((await scanAll(sdk, 'AtomicArchive')).map((t) => [idOf(t), t]));
    expect(archive.size).toBe(100);
    expect(archive.get('A-042')).toEqual(already);
    for (const t of tickets) if (idOf(t) !== 'A-042') expect(archive.get(idOf(t))).toEqual(t);
    // The refused move stays staged (its copy and its delete).
    await expect(c.changesButton).toHaveText('Changes (2)');
  } finally {
    sdk.destroy();
  }
});

test('the sandbox: Atomic is disabled with the reason, and a guarded commit still works', async ({ page, host, request }) => {
  await StagingPage.clear(request, host);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const g = new GridEditPage(page);
  await g.b.getByKeys('SupportTickets', ['T-00018']);
  await expect(g.b.counts).toContainText('1 loaded');
  const ed = await g.openCell(0, 'subject');
  await ed.getByLabel('subject', { exact: true }).fill('edited in the atomic spec');
  await ed.getByLabel('subject', { exact: true }).press('Enter');
  await expect(ed).toBeHidden();
  const c = new CommitPage(page);
  await c.openReview();
  await c.options.locator('summary').click();
  const atomic = c.options.getByRole('radio', { name: /^Atomic/ });
  await expect(c.options.getByTestId('atomic-help')).toHaveText('— The sandbox (dynalite) does not support transactions (TransactWriteItems)');
  await expect(atomic).toBeDisabled();
  await expect(c.options.getByRole('radio', { name: /^Guarded/ })).toBeChecked();
  expect(await seriousFindings(page, 'details.commit-options')).toEqual([]);
  await c.commitButton.click();
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  expect(await c.reportNumber('written')).toBe(1);
});
