import {
  CreateTableCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue as SdkValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { rm } from 'node:fs/promises';
import { fromSdkItem, toSdkItem } from '../../server/sdk/convert';
import { localClient, startDynalite } from '../../test-support/servers/dynalite';
import { changeId } from '../../shared/changes/types';
import type { StagedChange } from '../../shared/changes/types';
import type { PendingCommit } from '../../shared/contract/commit';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { BrowsePage } from '../pages/BrowsePage';
import { CommitPage } from '../pages/CommitPage';
import { GridEditPage } from '../pages/GridEditPage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { startFaultProxy, type FaultProxy, CLEAN } from '../../test-support/faultProxy/proxy';
import { expect, test as base } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';
import type { Page } from '@playwright/test';

const PROXY_NAME = 'Sandbox via fault proxy';
const ticketKey: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
const FAULTS = {
  unprocessedFraction: 0.3,
  throttleFraction: 0.1,
  dropBeforeFraction: 0.01,
  dropAfterFraction: 0.01,
};

async function api<T>(host: RunningHost, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${channel}: ${json.error?.message}`);
  return json.value as T;
}

/** Every item of a table, read straight from DynamoDB (no proxy, no app). */
async function scanAll(client: DynamoDBClient, table: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, SdkValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    out.push(...(page.Items ?? []).map(fromSdkItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

function entry(change: StagedChange, schema = ticketKey): StagingEntry {
  return {
    id: changeId(change.connectionId, change.table, change.key, schema),
    connectionId: change.connectionId,
    table: change.table,
    change,
  };
}

/** Un-stages everything, so each test starts from an empty staging area. */
async function clearStaging(host: RunningHost): Promise<void> {
  const { entries } = await api<{ entries: { id: string; change: StagedChange }[] }>(
    host,
    'staging:load',
    {},
  );
  if (entries.length === 0) return;
  await api(host, 'staging:apply', {
    entries: entries.map((e) => ({
      id: e.id,
      connectionId: e.change.connectionId,
      table: e.change.table,
    })),
  });
}

async function stage(host: RunningHost, entries: StagingEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2000) {
    await api(host, 'staging:apply', { entries: entries.slice(i, i + 2000) });
  }
}

/** Opens the app (staging loads what was staged through the API), picks the connection, opens review. */
async function openApp(page: Page, host: RunningHost, connection: string): Promise<CommitPage> {
  await page.goto(host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: connection })).toHaveCount(1);
  await conns.selectByName(connection);
  const c = new CommitPage(page);
  await c.openReview();
  return c;
}

type Pending = { commits: PendingCommit[] };
const count = (n: number) => n.toLocaleString('en-US');

interface World {
  host: RunningHost;
  proxy: FaultProxy;
  /** The saved endpoint connection that goes through the proxy. */
  connectionId: string;
  /** The sandbox itself, for direct reads and writes. */
  db: DynamoDBClient;
}

/** Our own web host (fresh data dir, seeded sandbox) with a fault proxy in front of its sandbox. */
const test = base.extend<object, { world: World }>({
  world: [
    async ({}, use) => {
      const host = await startHost();
      const { endpoint } = await api<{ endpoint: string }>(host, 'sandbox:status', {});
      const proxy = await startFaultProxy(endpoint, {}, 11);
      const { connection } = await api<{ connection: { id: string } }>(host, 'connections:save', {
        kind: 'endpoint',
        name: PROXY_NAME,
        region: 'us-east-1',
        endpoint: proxy.endpoint,
      });
      const db = localClient(endpoint);
      await use({ host, proxy, connectionId: connection.id, db });
      db.destroy();
      await proxy.close();
      await host.stop();
      await rm(host.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test.beforeEach(async ({ world }) => {
  world.proxy.setConfig({ ...CLEAN });
  await clearStaging(world.host);
});

test('the archive job: every resolved ticket moved to TicketArchive in one commit through faults', async ({
  page,
  world,
}) => {
  test.setTimeout(300_000);
  const { host, proxy, db } = world;
  const before = await scanAll(db, 'SupportTickets');
  const resolved = before.filter((t) => t.status && 'S' in t.status && t.status.S === 'resolved');
  expect(resolved.length).toBeGreaterThan(900);
  const total = resolved.length * 2;

  // Staged through the UI: the byStatus index, every resolved ticket, all selected, moved.
  await page.goto(host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
  await conns.selectByName(PROXY_NAME);
  await page
    .getByRole('navigation', { name: 'Tables' })
    .getByRole('button', { name: 'SupportTickets', exact: true })
    .click();
  const b = new BrowsePage(page);
  const g = new GridEditPage(page);
  await b.readFrom.selectOption('byStatus');
  await b.operation('Query').click();
  await b.partitionValue.fill('resolved');
  await b.loadAll.click();
  await expect(b.loadStatus).toContainText('All pages read');
  await expect(b.counts).toContainText(`${count(resolved.length)} loaded`);
  await b.cell(0, 'ticketId').click();
  await b.grid.press('ControlOrMeta+a');
  await expect(b.counts).toContainText(`${count(resolved.length)} selected`);
  await g.menuAction(`Move ${count(resolved.length)} to another table…`);
  const move = page.getByRole('dialog', {
    name: `Move ${count(resolved.length)} items from SupportTickets`,
  });
  await move.getByLabel('Target table').selectOption('TicketArchive');
  await move.getByRole('button', { name: 'Stage move' }).click();
  await expect(move).toBeHidden();
  // The moved rows stay in the grid, struck through, until the commit.
  await expect(b.row(0)).toHaveClass(/\brow-deleted\b/);

  const c = new CommitPage(page);
  await c.openReview();
  await expect(c.changesButton).toHaveText(`Changes (${count(total)})`);
  await expect(page.getByTestId('plan-puts')).toHaveText(count(resolved.length));
  await expect(page.getByTestId('plan-deletes')).toHaveText(count(resolved.length));
  await page.screenshot({ path: 'test-results/commit-archive-review.png' });
  // 30% unprocessed and 10% throttled calls, at the default options (no rounds cap).
  await expect(c.driftCheck).toBeChecked();
  await expect(c.concurrency).toHaveValue('4');

  proxy.setConfig(FAULTS);
  proxy.resetCounters();
  await c.commitButton.click();
  await expect(c.progress).toBeVisible();
  await expect.poll(() => c.liveNumber('done'), { timeout: 60_000 }).toBeGreaterThan(100);
  await expect(c.liveFigure('requests')).not.toHaveText('0');
  await page.screenshot({ path: 'test-results/commit-archive-progress.png' });

  await expect(c.report).toBeVisible({ timeout: 240_000 });
  proxy.setConfig({ ...CLEAN });
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  expect(await c.reportNumber('written')).toBe(total);
  expect(await c.reportNumber('failed')).toBe(0);
  expect(await c.reportNumber('canceled')).toBe(0);
  expect(await c.reportNumber('unprocessed')).toBeGreaterThan(0);
  expect(await c.reportNumber('throttled')).toBeGreaterThan(0);
  expect(await c.reportNumber('requests')).toBeGreaterThanOrEqual(Math.ceil(total / 25));
  expect(proxy.counters.opsWithheld).toBeGreaterThan(0);
  await expect(c.changesButton).toHaveText('Changes (0)');
  await page.screenshot({ path: 'test-results/commit-archive-report.png' });

  // Straight from DynamoDB: no resolved ticket is left, and the archive holds each one unchanged.
  const left = await scanAll(db, 'SupportTickets');
  expect(left.filter((t) => t.status && 'S' in t.status && t.status.S === 'resolved')).toEqual([]);
  expect(left).toHaveLength(before.length - resolved.length);
  const archive = new Map(
    (await scanAll(db, 'TicketArchive')).map((t) => [JSON.stringify(t.ticketId), t]),
  );
  for (const t of resolved) expect(archive.get(JSON.stringify(t.ticketId))).toEqual(t);
  expect((await api<Pending>(host, 'commit:pending', {})).commits).toEqual([]);
});

test('cancel midway: written + canceled = total, canceled changes stay staged with their reason', async ({
  page,
  world,
}) => {
  const { host, proxy, connectionId, db } = world;
  const table = 'CancelTest';
  await db
    .send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    )
    .catch(() => undefined); // a retried test finds it there
  const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
  const total = 3000;
  const entries = Array.from({ length: total }, (_, i) => {
    const key = { id: { S: `c-${String(i).padStart(5, '0')}` } };
    const item = { ...key, n: { N: String(i) }, note: { S: 'cancel me' } };
    return entry({ kind: 'put', connectionId, table, key, item }, schema);
  });
  await stage(host, entries);
  const c = await openApp(page, host, PROXY_NAME);
  await expect(c.changesButton).toHaveText(`Changes (${count(total)})`);

  // Slow calls, and Cancel as soon as the first are written: at 200 ms a call and the poll's
  // default backoff (up to 1 s between looks), a quiet machine had 2,325 of 3,000 written before
  // the click and the rest in flight, so nothing was left to cancel.
  proxy.setConfig({ latencyMs: 600 });
  await c.commitButton.click();
  await expect
    .poll(() => c.liveNumber('done'), { timeout: 30_000, intervals: [50] })
    .toBeGreaterThan(0);
  await c.cancelButton.click();
  await expect(c.progress.getByTestId('commit-phase')).toHaveText(/Canceling/);
  await page.screenshot({ path: 'test-results/commit-cancel-progress.png' });
  await expect(c.report).toBeVisible({ timeout: 60_000 });
  proxy.setConfig({ latencyMs: 0 });

  await expect(c.headline).toHaveText(/^Commit canceled: [\d,]+ operations? not sent\.$/);
  const written = await c.reportNumber('written');
  const canceled = await c.reportNumber('canceled');
  expect(written).toBeGreaterThan(0);
  expect(canceled).toBeGreaterThan(0);
  expect(await c.reportNumber('failed')).toBe(0);
  expect(written + canceled).toBe(total);
  await expect(c.changesButton).toHaveText(`Changes (${count(canceled)})`);
  await expect(c.changeErrors.first()).toHaveText('Not committed: Canceled before it was sent');
  expect(await scanAll(db, table)).toHaveLength(written);
  const staged = await api<{ entries: { change: StagedChange }[] }>(host, 'staging:load', {});
  expect(staged.entries).toHaveLength(canceled);
  expect(staged.entries.every((e) => e.change.error === 'Canceled before it was sent')).toBe(true);
  await page.screenshot({ path: 'test-results/commit-cancel-report.png' });
});

test('drift: conflicts list server against expected; skip keeps it staged, reload un-stages, overwrite writes', async ({
  page,
  world,
}) => {
  const { host, connectionId, db } = world;
  const open = (await scanAll(db, 'SupportTickets'))
    .filter((t) => t.status && 'S' in t.status && t.status.S !== 'resolved')
    .sort((a, b) => JSON.stringify(a.ticketId).localeCompare(JSON.stringify(b.ticketId)));
  const [a, b] = open as [Item, Item];
  const idA = (a.ticketId as { S: string }).S;
  const idB = (b.ticketId as { S: string }).S;
  await stage(
    host,
    [a, b].map((t) =>
      entry({
        kind: 'update',
        connectionId,
        table: 'SupportTickets',
        key: { ticketId: t.ticketId! },
        original: t,
        item: { ...t, subject: { S: 'edited in DynoStage' } },
      }),
    ),
  );
  // Someone else changes both items on the server after they were staged.
  for (const t of [a, b]) {
    await db.send(
      new PutItemCommand({
        TableName: 'SupportTickets',
        Item: toSdkItem({ ...t, subject: { S: 'edited elsewhere' } }),
      }),
    );
  }
  const c = await openApp(page, host, PROXY_NAME);
  await expect(c.changesButton).toHaveText('Changes (2)');
  await c.commitButton.click();
  await expect(c.conflicts).toBeVisible();
  await expect(c.conflictItems).toHaveCount(2);
  await expect(c.conflicts).toContainText('2 items changed on the server. Nothing was written.');
  const subjectRow = c.conflict(`ticketId=${idA}`).locator('.conflict-row[data-attr="subject"]');
  await expect(subjectRow).toContainText(JSON.stringify((a.subject as { S: string }).S));
  await expect(subjectRow).toContainText('"edited elsewhere"');
  await expect(c.applyChoices).toBeDisabled();
  await page.screenshot({ path: 'test-results/commit-conflicts.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/commit-conflicts-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  await c.choice(`ticketId=${idA}`, 'Skip').click();
  await c.choice(`ticketId=${idB}`, 'Reload item').click();
  await expect(c.choice(`ticketId=${idA}`, 'Skip')).toHaveAttribute('aria-checked', 'true');
  await c.applyChoices.click();
  await expect(c.report).toBeVisible();
  expect(await c.reportNumber('skipped')).toBe(1);
  expect(await c.reportNumber('written')).toBe(0);
  // A is still staged (skipped); B was un-staged by the reload.
  await expect(c.changesButton).toHaveText('Changes (1)');
  await expect(c.reviewItems).toHaveCount(1);
  await expect(c.reviewItems.first()).toContainText(`ticketId=${idA}`);
  const server = async (id: string) =>
    (await scanAll(db, 'SupportTickets')).find(
      (t) => JSON.stringify(t.ticketId) === JSON.stringify({ S: id }),
    );
  expect((await server(idA))?.subject).toEqual({ S: 'edited elsewhere' });
  expect((await server(idB))?.subject).toEqual({ S: 'edited elsewhere' });

  await c.commitButton.click();
  await expect(c.conflictItems).toHaveCount(1);
  await c.choice(`ticketId=${idA}`, 'Overwrite').click();
  await c.applyChoices.click();
  await expect(c.report).toBeVisible();
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  expect(await c.reportNumber('written')).toBe(1);
  await expect(c.changesButton).toHaveText('Changes (0)');
  expect((await server(idA))?.subject).toEqual({ S: 'edited in DynoStage' });
  await page.screenshot({ path: 'test-results/commit-conflict-overwritten.png' });
});

test('operations that run out of rounds fail with their reason, stay staged, and Retry failed sends only them', async ({
  page,
  world,
}) => {
  const { host, proxy, connectionId, db } = world;
  const entries = Array.from({ length: 30 }, (_, i) => {
    const key = { ticketId: { S: `RETRY-${String(i).padStart(3, '0')}` } };
    return entry({
      kind: 'put',
      connectionId,
      table: 'TicketArchive',
      key,
      item: { ...key, n: { N: String(i) } },
    });
  });
  await stage(host, entries);
  const c = await openApp(page, host, PROXY_NAME);
  await c.setOptions({ maxRounds: 1 });
  // DynamoDB hands every operation back unprocessed: after its one round each is reported failed.
  proxy.setConfig({ unprocessedFraction: 1 });
  await c.commitButton.click();
  await expect(c.report).toBeVisible();
  await expect(c.headline).toHaveText('Commit finished with 30 failures.');
  expect(await c.reportNumber('failed')).toBe(30);
  await expect(c.reportList(/^Failed/).getByRole('listitem')).toHaveCount(30);
  await expect(
    c
      .reportList(/^Failed/)
      .locator('.outcome-reason')
      .first(),
  ).not.toBeEmpty();
  await expect(c.changesButton).toHaveText('Changes (30)');
  await expect(c.changeErrors.first()).toContainText('Not committed:');
  await page.screenshot({ path: 'test-results/commit-failed-report.png' });

  proxy.setConfig({ unprocessedFraction: 0 });
  await c.retryFailed.click();
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  expect(await c.reportNumber('written')).toBe(30);
  await expect(c.changesButton).toHaveText('Changes (0)');
  const archive = await scanAll(db, 'TicketArchive');
  expect(archive.filter((t) => (t.ticketId as { S: string }).S.startsWith('RETRY-'))).toHaveLength(
    30,
  );
});

test('a host killed mid-commit: the restarted app offers the interrupted commit, Resume writes everything', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A DynamoDB of its own that outlives the host (the sandbox dies with it), behind a slow proxy.
  const dynamo = await startDynalite();
  const db = localClient(dynamo.endpoint);
  await db.send(
    new CreateTableCommand({
      TableName: 'Events',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const proxy = await startFaultProxy(
    dynamo.endpoint,
    { latencyMs: 150, unprocessedFraction: 0.3 },
    5,
  );
  const host = await startHost({ seed: false });
  let again: RunningHost | null = null;
  try {
    const { connection } = await api<{ connection: { id: string } }>(host, 'connections:save', {
      kind: 'endpoint',
      name: 'Events via proxy',
      region: 'us-east-1',
      endpoint: proxy.endpoint,
    });
    const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
    const total = 3000;
    await stage(
      host,
      Array.from({ length: total }, (_, i) => {
        const key = { id: { S: `e-${String(i).padStart(5, '0')}` } };
        const item = { ...key, i: { N: String(i) }, big: { N: '1.' + '0'.repeat(36) + '1' } };
        return entry(
          { kind: 'put', connectionId: connection.id, table: 'Events', key, item },
          schema,
        );
      }),
    );
    const c = await openApp(page, host, 'Events via proxy');
    await expect(c.changesButton).toHaveText(`Changes (${count(total)})`);
    await c.setOptions({ concurrency: 1 });
    await c.commitButton.click();
    await expect.poll(() => c.liveNumber('done'), { timeout: 60_000 }).toBeGreaterThan(100);
    const exited = new Promise((r) => host.process.once('exit', r));
    host.process.kill('SIGKILL');
    await exited;
    await expect(c.commitError).toContainText('The commit stopped');
    const partial = (await scanAll(db, 'Events')).length;
    expect(partial).toBeLessThan(total);

    again = await startHost({ dataDir: host.dataDir, seed: false });
    proxy.setConfig({ latencyMs: 0 });
    const pending = (await api<Pending>(again, 'commit:pending', {})).commits;
    expect(pending).toHaveLength(1);
    const [interrupted] = pending as [PendingCommit];
    await page.goto(again.url);
    const d = new CommitPage(page);
    await expect(d.interruptedDialog).toBeVisible();
    await expect(d.interruptedSummary).toHaveText(
      `An earlier commit was interrupted (${count(interrupted.written)} of ${count(total)} written).`,
    );
    await page.screenshot({ path: 'test-results/commit-interrupted-dialog.png' });
    await d.resumeButton.click();
    await expect(d.interruptedDialog).toBeHidden();
    await expect(d.report).toBeVisible({ timeout: 120_000 });
    await expect(d.headline).toHaveText('Interrupted commit resumed: everything written.');
    expect(await d.reportNumber('written')).toBe(total);
    expect(await d.reportNumber('resent')).toBe(interrupted.pending);
    await expect(d.reportList(/^Resent/)).toBeVisible();
    await expect(d.changesButton).toHaveText('Changes (0)');
    await page.screenshot({ path: 'test-results/commit-resume-report.png' });
    expect(await scanAll(db, 'Events')).toHaveLength(total);
    expect((await api<Pending>(again, 'commit:pending', {})).commits).toEqual([]);
  } finally {
    await again?.stop();
    await host.stop();
    await proxy.close();
    db.destroy();
    await dynamo.close();
    await rm(host.dataDir, { recursive: true, force: true });
  }
});
