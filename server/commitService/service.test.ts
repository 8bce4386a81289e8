import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeId } from '../../shared/changes/types';
import type { StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import { createBackend, type Backend } from '../backend';
import { fromSdkItem } from '../sdk/convert';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const ticketKey: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
let dir: string;
let backend: Backend;
let proxy: FaultProxy;
let connectionId: string;
const duplicateKeysSeen: string[] = [];

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function scanAll(table: string): Promise<Item[]> {
  const client = backend.services.sandbox.client();
  const out: Item[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...(page.Items ?? []).map(fromSdkItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

function entry(change: StagedChange): StagingEntry {
  return { id: changeId(change.connectionId, change.table, change.key, ticketKey), connectionId: change.connectionId, table: change.table, change };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-commit-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: true });
  proxy = await startFaultProxy(backend.services.sandbox.status().endpoint!, {}, 7);
  proxy.onBatchWrite = (body) => {
    for (const [table, reqs] of Object.entries(body.RequestItems)) {
      const keys = reqs.map((r: any) => JSON.stringify((r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {}).ticketId));
      if (new Set(keys).size !== keys.length) duplicateKeysSeen.push(table);
    }
  };
  const saved = await call('connections:save', { kind: 'endpoint', name: 'Sandbox via fault proxy', region: 'us-east-1', endpoint: proxy.endpoint });
  connectionId = saved.connection.id;
});
afterAll(async () => {
  await proxy.close();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

test('the archive job: every resolved ticket moved in one commit through faults, nothing lost', async () => {
  const tickets = await scanAll('SupportTickets');
  const resolved = tickets.filter((t) => 'S' in t.status! && t.status.S === 'resolved');
  expect(resolved.length).toBeGreaterThan(900);
  const entries: StagingEntry[] = [];
  for (const t of resolved) {
    const key = { ticketId: t.ticketId! };
    entries.push(entry({ kind: 'put', connectionId, table: 'TicketArchive', key, item: t }));
    entries.push(entry({ kind: 'delete', connectionId, table: 'SupportTickets', key, original: t }));
  }
  await call('staging:apply', { entries });
  proxy.setConfig({ unprocessedFraction: 0.3, throttleFraction: 0.1, dropBeforeFraction: 0.01, dropAfterFraction: 0.01 });
  const events: any[] = [];
  const off = backend.onEvent((e) => e.type === 'commit:progress' && events.push(e));
  const report = await call('commit:start', await reviewedStart(call, { connectionId, options: { backoffBaseMs: 5, backoffCapMs: 100 } }));
  off();
  proxy.setConfig({ unprocessedFraction: 0, throttleFraction: 0, dropBeforeFraction: 0, dropAfterFraction: 0 });

  expect(report.status).toBe('done');
  expect(report.counters.written).toBe(resolved.length * 2);
  expect(report.counters.failed).toBe(0);
  expect(report.counters.unprocessed).toBeGreaterThan(0);
  expect(report.counters.throttledCalls).toBeGreaterThan(0);
  expect(Object.values(report.outcomes).every((o: any) => o.status === 'written')).toBe(true);
  expect(duplicateKeysSeen).toEqual([]);
  expect(events.some((e) => e.phase === 'writing' && e.done > 0)).toBe(true);

  const left = await scanAll('SupportTickets');
  expect(left.filter((t) => 'S' in t.status! && t.status.S === 'resolved')).toEqual([]);
  expect(left).toHaveLength(tickets.length - resolved.length);
  const archive = await scanAll('TicketArchive');
  const byId = new Map(archive.map((t) => [JSON.stringify(t.ticketId), t]));
  for (const t of resolved) expect(byId.get(JSON.stringify(t.ticketId))).toEqual(t);
  // Written changes left the staging store; no journal is left to resume.
  expect((await call('staging:load', {})).entries).toEqual([]);
  expect((await call('commit:pending', {})).commits).toEqual([]);
});

test('drift: a conflicting item stops the commit until the user chooses; skip keeps it staged', async () => {
  const [ticket] = (await scanAll('SupportTickets')).slice(0, 1);
  const key = { ticketId: ticket!.ticketId! };
  const edited = { ...ticket!, subject: { S: 'edited in DynoStage' } };
  await call('staging:apply', { entries: [entry({ kind: 'update', connectionId, table: 'SupportTickets', key, original: ticket!, item: edited })] });
  // Someone else changes the item on the server meanwhile.
  await backend.services.sandbox.client().send(
    new PutItemCommand({ TableName: 'SupportTickets', Item: { ...(ticket as any), subject: { S: 'edited elsewhere' } } }),
  );
  const first = await call('commit:start', await reviewedStart(call, { connectionId }));
  expect(first.status).toBe('conflicts');
  expect(first.conflicts).toHaveLength(1);
  expect(first.conflicts[0].server.subject).toEqual({ S: 'edited elsewhere' });
  expect(first.conflicts[0].expected.subject).toEqual(ticket!.subject);
  expect(first.counters.written).toBe(0);

  const id = first.conflicts[0].id;
  const skipped = await call('commit:start', await reviewedStart(call, { connectionId, resolutions: { [id]: 'skip' } }));
  expect(skipped.outcomes[id]).toMatchObject({ status: 'skipped' });
  const stillStaged = (await call('staging:load', {})).entries;
  expect(stillStaged).toHaveLength(1);
  expect(stillStaged[0].change.error).toMatch(/Skipped: the item changed on the server/);

  const overwritten = await call('commit:start', await reviewedStart(call, { connectionId, resolutions: { [id]: 'overwrite' } }));
  expect(overwritten.outcomes[id]).toEqual({ status: 'written' });
  const now = (await scanAll('SupportTickets')).find((t) => JSON.stringify(t.ticketId) === JSON.stringify(key.ticketId));
  expect(now?.subject).toEqual({ S: 'edited in DynoStage' });
  expect((await call('staging:load', {})).entries).toEqual([]);
});

test('one item DynamoDB would reject: nothing is sent, the answer names it, everything stays staged', async () => {
  const good = Array.from({ length: 10 }, (_, i) => ({ ticketId: { S: `GOOD-${i}` }, n: { N: String(i) } }));
  const bad = { ticketId: { S: 'BAD-1' }, big: { S: 'x'.repeat(410 * 1024) } };
  await call('staging:apply', {
    entries: [...good, bad].map((item) => entry({ kind: 'put', connectionId, table: 'TicketArchive', key: { ticketId: item.ticketId }, item })),
  });
  proxy.resetCounters();
  // The validator runs in commit:start before any read or write (issue 11 item 7).
  await expect(call('commit:start', await reviewedStart(call, { connectionId }))).rejects.toThrow(/BadInput: Nothing was sent.*BAD-1/s);
  expect(proxy.counters.calls.BatchWriteItem ?? 0).toBe(0);
  expect((await call('staging:load', {})).entries).toHaveLength(11);
  await call('staging:apply', { entries: [...good, bad].map((item) => ({ ...entry({ kind: 'put', connectionId, table: 'TicketArchive', key: { ticketId: item.ticketId }, item }), change: undefined })) });
});

