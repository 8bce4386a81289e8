/**
 * Atomic mode as the app runs it (commit:start, commit:resume through the backend) against moto:
 * the archive job as transactions, a ticket the archive refuses, everything or nothing and its
 * 100-action limit, a ConditionCheck, and a resume that sends only what the journal has pending.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changeId, type StagedChange } from '../../shared/changes/types';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { startFaultProxy } from '../../test-support/faultProxy/proxy';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { MOTO_REGIONS, motoEndpoint } from '../../test-support/servers/motoTest';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const moto = motoEndpoint('atomicCommit.moto.test.ts');
const region = MOTO_REGIONS.atomicApp;
const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
let dir: string;
let backend: Backend;
let conn: string;
let sdk: DynamoDBClient;

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as T;
}
async function scan(table: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await sdk.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []).map(fromSdkItem));
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return out;
}
async function table(name: string): Promise<void> {
  await sdk.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
async function seed(name: string, items: Item[]): Promise<void> {
  for (let at = 0; at < items.length; at += 25) {
    await sdk.send(new BatchWriteItemCommand({ RequestItems: { [name]: items.slice(at, at + 25).map((i) => ({ PutRequest: { Item: toSdkItem(i) } })) } }));
  }
}
const ticket = (p: string, i: number): Item => ({ id: { S: `${p}${String(i).padStart(3, '0')}` }, status: { S: 'resolved' }, n: { N: String(i) } });

/** Stages a move of each ticket from `from` to `to` (copy, then the delete linked to it). */
async function stageMoves(from: string, to: string, tickets: Item[]): Promise<void> {
  const entries = tickets.flatMap((t) => {
    const key = { id: t.id! };
    const put: StagedChange = { kind: 'put', connectionId: conn, table: to, key, item: t };
    const putId = changeId(conn, to, key, schema);
    const del: StagedChange = { kind: 'delete', connectionId: conn, table: from, key, original: t, after: putId };
    return [
      { id: putId, connectionId: conn, table: to, change: put },
      { id: changeId(conn, from, key, schema), connectionId: conn, table: from, change: del },
    ];
  });
  await call('staging:apply', { entries });
}
async function clearStaging(): Promise<void> {
  const { entries } = await call('staging:load', {});
  await call('staging:apply', { entries: entries.map((e: { id: string; change: StagedChange }) => ({ id: e.id, connectionId: e.change.connectionId, table: e.change.table })) });
}
async function stagePuts(name: string, items: Item[]): Promise<void> {
  await call('staging:apply', {
    entries: items.map((item) => {
      const change: StagedChange = { kind: 'put', connectionId: conn, table: name, key: { id: item.id! }, item };
      return { id: changeId(conn, name, change.key, schema), connectionId: conn, table: name, change };
    }),
  });
}
const ids = (items: Item[]) => items.map((i) => (i.id as { S: string }).S).sort();

describe.skipIf(!moto)('atomic mode through commit:start against moto', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dynostage-atomic-app-'));
    backend = await createBackend({ dataDir: dir, seedSandbox: false });
    conn = (await call('connections:save', { kind: 'endpoint', name: 'moto', region, endpoint: moto })).connection.id;
    sdk = new DynamoDBClient({ endpoint: moto, region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    for (const t of ['Tickets', 'Archive', 'Small', 'SmallArchive', 'Checked', 'Flags', 'Paused']) await table(t);
  });
  afterAll(async () => {
    sdk?.destroy();
    await backend?.close();
  });

  test('the archive job: 100 tickets moved; the one the archive already holds stays in the source as a conflict', async () => {
    const tickets = Array.from({ length: 100 }, (_, i) => ticket('t', i));
    await seed('Tickets', tickets);
    const already: Item = { id: { S: 't042' }, status: { S: 'archived last year' } };
    await sdk.send(new PutItemCommand({ TableName: 'Archive', Item: toSdkItem(already) }));
    await stageMoves('Tickets', 'Archive', tickets);
    const report = await call('commit:start', await reviewedStart(call, { connectionId: conn, options: { mode: 'atomic' } }));
    expect(report.status).toBe('conflicts');
    expect(report.counters.written).toBe(198);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ table: 'Archive', key: { id: { S: 't042' } }, server: already });
    expect(ids(await scan('Tickets'))).toEqual(['t042']);
    const archive = await scan('Archive');
    expect(archive).toHaveLength(100);
    expect(archive.find((i) => (i.id as { S: string }).S === 't042')).toEqual(already);
    expect(archive.find((i) => (i.id as { S: string }).S === 't007')).toEqual(tickets[7]);
    // The refused move stays staged: its copy as the conflict, its delete with why it waits.
    const left = (await call('staging:load', {})).entries as { id: string; change: StagedChange & { error?: string } }[];
    expect(left.map((e) => `${e.change.kind} ${e.change.table} ${JSON.stringify(e.change.key)}`).sort()).toEqual([
      'delete Tickets {"id":{"S":"t042"}}',
      'put Archive {"id":{"S":"t042"}}',
    ]);
    const held = left.find((e) => e.change.kind === 'delete')!.change.error;
    expect(held).toMatch(/^held: the copy to Archive was not written: /);
    await clearStaging();
    // Two transactions of 100 actions, then the canceled one sent again without the refused move.
    expect(report.counters.requests).toBe(3);
  });

  test('everything or nothing: one refused move writes nothing; above 100 actions it is refused with the reason', async () => {
    const tickets = Array.from({ length: 10 }, (_, i) => ticket('s', i));
    await seed('Small', tickets);
    await sdk.send(new PutItemCommand({ TableName: 'SmallArchive', Item: toSdkItem({ id: { S: 's003' } }) }));
    await stageMoves('Small', 'SmallArchive', tickets);
    const report = await call('commit:start', await reviewedStart(call, { connectionId: conn, options: { mode: 'atomic', atomicScope: 'all' } }));
    expect(report.counters.written).toBe(0);
    expect(report.conflicts.map((c: { key: Item }) => c.key)).toEqual([{ id: { S: 's003' } }]);
    expect(ids(await scan('Small'))).toHaveLength(10);
    expect(await scan('SmallArchive')).toHaveLength(1);
    await clearStaging();
    const many = Array.from({ length: 51 }, (_, i) => ticket('m', i));
    await seed('Small', many);
    await stageMoves('Small', 'SmallArchive', many);
    const err = await call('commit:start', await reviewedStart(call, { connectionId: conn, options: { mode: 'atomic', atomicScope: 'all' } })).catch((e: Error & { code: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/only possible up to 100 actions/);
    expect((err as Error & { code: string }).code).toBe('BadInput');
    // Refused before anything was sent: all 102 changes are still staged.
    expect((await call('staging:load', {})).entries).toHaveLength(102);
    await clearStaging();
  });

  test('a ConditionCheck: nothing is written while the required item is missing, all of it once it exists', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ticket('c', i));
    await stagePuts('Checked', items);
    const require = { table: 'Flags', key: { id: { S: 'release-open' } }, expect: 'exists' as const };
    const refused = await call('commit:start', await reviewedStart(call, { connectionId: conn, options: { mode: 'atomic', conditionChecks: [require] } }));
    expect(refused.counters.written).toBe(0);
    expect(Object.values(refused.outcomes).map((o) => (o as { reason: string }).reason)).toEqual(
      Array(5).fill('Not written: its transaction was canceled because the condition check "Flags id=release-open exists" failed'),
    );
    expect(await scan('Checked')).toEqual([]);
    await sdk.send(new PutItemCommand({ TableName: 'Flags', Item: toSdkItem({ id: { S: 'release-open' } }) }));
    const done = await call('commit:start', await reviewedStart(call, { connectionId: conn, options: { mode: 'atomic', conditionChecks: [require] } }));
    expect(done.counters.written).toBe(5);
    expect(ids(await scan('Checked'))).toEqual(ids(items));
  });

  test('throttled transactions are retried; access denied midway pauses, and Resume writes only what is pending', async () => {
    const proxy = await startFaultProxy(moto!, { faultOperations: ['TransactWriteItems'], throttleFraction: 0.3, deny: [{ operations: ['TransactWriteItems'], error: 'AccessDeniedException', afterCalls: 2 }] }, 7);
    const viaProxy = (await call('connections:save', { kind: 'endpoint', name: 'moto via proxy', region, endpoint: proxy.endpoint })).connection.id as string;
    try {
      const base: Item[] = Array.from({ length: 250 }, (_, i) => ({ ...ticket('p', i), counter: { N: '0' } }));
      await seed('Paused', base);
      const entries = base.map((b) => {
        const change: StagedChange = { kind: 'update', connectionId: viaProxy, table: 'Paused', key: { id: b.id! }, original: b, item: { ...b, counter: { N: '1' } } };
        return { id: changeId(viaProxy, 'Paused', change.key, schema), connectionId: viaProxy, table: 'Paused', change };
      });
      await call('staging:apply', { entries });
      const first = await call('commit:start', await reviewedStart(call, { connectionId: viaProxy, options: { mode: 'atomic', backoffBaseMs: 5, backoffCapMs: 50 } }));
      expect(first.status).toBe('paused');
      expect(first.pauseReason).toMatch(/AccessDenied/);
      const writtenFirst = first.counters.written as number;
      expect(writtenFirst % 100).toBe(0); // whole transactions only
      expect(writtenFirst).toBeLessThan(250);
      const { commits } = await call('commit:pending', {});
      expect(commits.find((p: { commitId: string }) => p.commitId === first.commitId)?.pending).toBe(250 - writtenFirst);
      proxy.setConfig({ deny: [] });
      const resumed = await call('commit:resume', { commitId: first.commitId, options: { backoffBaseMs: 5, backoffCapMs: 50 } });
      expect(resumed.counters.written).toBe(250 - writtenFirst);
      expect(resumed.status).toBe('done');
      const rows = await scan('Paused');
      expect(rows).toHaveLength(250);
      expect(rows.every((r) => JSON.stringify(r.counter) === '{"N":"1"}')).toBe(true);
      expect(proxy.counters.throttled).toBeGreaterThan(0);
      console.log(`atomic pause/resume: ${writtenFirst} written before the pause, ${proxy.counters.throttled} throttled answers retried`);
    } finally {
      await proxy.close();
    }
  });

  test('transactions are detected by asking the endpoint: moto has them, the sandbox (dynalite) does not', async () => {
    expect(await call('commit:capabilities', { connectionId: conn })).toEqual({ transactions: true });
    expect(await call('commit:capabilities', { connectionId: 'sandbox' })).toEqual({
      transactions: false,
      reason: 'The sandbox (dynalite) does not support transactions (TransactWriteItems)',
    });
  });
});
