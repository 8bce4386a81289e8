/**
 * Resume re-checks (issue 11 point 9): a commit interrupted (paused by a call-wide error), a second
 * writer changes items before the resume. Guarded operations resume with their conditions; batch
 * operations are drift-checked again, and what moved is reported, never overwritten.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN, startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import { changeId, type StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
let dir: string;
let db: LocalDynamo;
let proxy: FaultProxy;
let backend: Backend;
let connectionId: string;

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const direct = () => localClient(db.endpoint);

async function get(table: string, id: string): Promise<Item | null> {
  const c = direct();
  const out = await c.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true }));
  c.destroy();
  return out.Item ? fromSdkItem(out.Item) : null;
}

async function seed(table: string, prefix: string, n: number): Promise<Item[]> {
  const items = Array.from({ length: n }, (_, i) => ({
    id: { S: `${prefix}-${String(i).padStart(3, '0')}` },
    status: { S: 'open' },
    owner: { S: 'ann' },
  }));
  const c = direct();
  for (let i = 0; i < n; i += 25) {
    const puts = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    await c.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts } }));
  }
  c.destroy();
  return items;
}

function entry(change: StagedChange): StagingEntry {
  return { id: changeId(connectionId, change.table, change.key, schema), connectionId, table: change.table, change };
}

const pausedIds = (report: { outcomes: Record<string, { status: string }> }) =>
  Object.entries(report.outcomes)
    .filter(([, o]) => o.status === 'paused')
    .map(([id]) => id);

const idOf = (changeIdText: string) => JSON.parse(changeIdText.split('\u0000')[2]!)[0].slice(2) as string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-resumecheck-'));
  db = await startDynalite();
  const c = direct();
  for (const TableName of ['Events', 'Archive'])
    await c.send(
      new CreateTableCommand({
        TableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  c.destroy();
  proxy = await startFaultProxy(db.endpoint, {}, 9);
  backend = await createBackend({ dataDir: join(dir, 'data'), seedSandbox: false });
  const saved = await call('connections:save', { kind: 'endpoint', name: 'proxy', region: 'us-east-1', endpoint: proxy.endpoint });
  connectionId = saved.connection.id;
});
beforeEach(async () => {
  proxy.setConfig(CLEAN);
  proxy.resetCounters();
  // Each test starts with nothing staged and no commit left to resume.
  const { entries } = await call<{ entries: StagingEntry[] }>('staging:load', {});
  await call('staging:apply', { entries: entries.map((e) => ({ id: e.id, connectionId, table: e.change!.table })) });
  for (const p of (await call('commit:pending', {})).commits) await call('commit:discard', { commitId: p.commitId });
});
afterAll(async () => {
  await backend.close();
  await proxy.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

test('guarded: a resumed commit keeps its conditions; a change to the same attribute is a conflict', async () => {
  const items = await seed('Events', 'g', 40);
  await call('staging:apply', {
    entries: items.map((original) =>
      entry({ kind: 'update', connectionId, table: 'Events', key: { id: original.id! }, original, item: { ...original, status: { S: 'closed' } } }),
    ),
  });
  proxy.setConfig({ deny: [{ table: 'Events', operations: ['UpdateItem'], error: 'AccessDeniedException', afterCalls: 8 }] });
  const first = await call('commit:start', await reviewedStart(call, { connectionId, commitId: 'guarded-resume', options: { concurrency: 2 } }));
  expect(first.status).toBe('paused');
  const paused = pausedIds(first);
  expect(paused.length).toBeGreaterThan(2);
  // Between the interruption and the resume, a second writer: same attribute on one, another on one.
  const [same, other] = [idOf(paused[0]!), idOf(paused[1]!)];
  const c = direct();
  await c.send(new PutItemCommand({ TableName: 'Events', Item: toSdkItem({ id: { S: same }, status: { S: 'escalated' }, owner: { S: 'ann' } }) }));
  await c.send(new UpdateItemCommand({ TableName: 'Events', Key: { id: { S: other } }, UpdateExpression: 'SET #o = :o', ExpressionAttributeNames: { '#o': 'owner' }, ExpressionAttributeValues: { ':o': { S: 'bob' } } }));
  c.destroy();

  proxy.setConfig({ deny: [] });
  const resumed = await call('commit:resume', { commitId: 'guarded-resume' });
  expect(resumed.status).toBe('conflicts');
  expect(resumed.outcomes[paused[0]!]).toMatchObject({ status: 'conflict' });
  expect(resumed.conflicts.map((x: { id: string }) => x.id)).toEqual([paused[0]]);
  expect(proxy.counters.calls.BatchWriteItem).toBeUndefined(); // guarded writes stayed single, conditional
  expect(await get('Events', same)).toEqual({ id: { S: same }, status: { S: 'escalated' }, owner: { S: 'ann' } });
  expect(await get('Events', other)).toEqual({ id: { S: other }, status: { S: 'closed' }, owner: { S: 'bob' } });
  for (const it of items) {
    const id = (it.id as { S: string }).S;
    if (id === same) continue;
    expect((await get('Events', id))?.status).toEqual({ S: 'closed' });
  }
  const staged = ((await call('staging:load', {})).entries as StagingEntry[]).map((e) => e.id);
  expect(staged).toEqual([paused[0]]);
});

test('batch: Resume re-runs the drift check; what moved is reported, not overwritten, and a move waits', async () => {
  const items = await seed('Events', 'b', 60);
  const updates = items.slice(0, 50).map((original) =>
    entry({ kind: 'update', connectionId, table: 'Events', key: { id: original.id! }, original, item: { ...original, status: { S: 'closed' } } }),
  );
  // Moves of the last 10 to Archive: a put to Archive, then the delete from Events it unlocks.
  const moves = items.slice(50).flatMap((original) => {
    const key = { id: original.id! };
    const put = entry({ kind: 'put', connectionId, table: 'Archive', key, item: original });
    return [put, entry({ kind: 'delete', connectionId, table: 'Events', key, original, after: put.id })];
  });
  await call('staging:apply', { entries: [...updates, ...moves] });
  proxy.setConfig({ deny: [{ operations: ['BatchWriteItem'], error: 'AccessDeniedException', afterCalls: 1 }] });
  const first = await call('commit:start', await reviewedStart(call, { connectionId, commitId: 'batch-resume', options: { mode: 'batch', concurrency: 1 } }));
  expect(first.status).toBe('paused');
  const paused = new Set(pausedIds(first));
  const pausedUpdate = updates.find((u) => paused.has(u.id))!;
  expect(pausedUpdate).toBeDefined();
  const movedPut = moves[0]!;
  expect(paused.has(movedPut.id) || first.outcomes[moves[1]!.id]?.status === 'held').toBe(true);
  // The second writer: another attribute of an update not yet written, and an item at a move's target.
  const updId = idOf(pausedUpdate.id);
  const moveId = idOf(movedPut.id);
  const c = direct();
  await c.send(new UpdateItemCommand({ TableName: 'Events', Key: { id: { S: updId } }, UpdateExpression: 'SET #o = :o', ExpressionAttributeNames: { '#o': 'owner' }, ExpressionAttributeValues: { ':o': { S: 'bob' } } }));
  await c.send(new PutItemCommand({ TableName: 'Archive', Item: toSdkItem({ id: { S: moveId }, note: { S: 'someone else archived it' } }) }));
  c.destroy();

  proxy.setConfig({ deny: [] });
  const resumed = await call('commit:resume', { commitId: 'batch-resume' });
  expect(resumed.status).toBe('conflicts');
  const conflictIds = resumed.conflicts.map((x: { id: string }) => x.id).sort();
  expect(conflictIds).toEqual([pausedUpdate.id, movedPut.id].sort());
  const drifted = resumed.conflicts.find((x: { id: string }) => x.id === pausedUpdate.id);
  expect(drifted.server.owner).toEqual({ S: 'bob' });
  expect(resumed.outcomes[moves[1]!.id]).toMatchObject({ status: 'held' });
  // Not overwritten: the second writer's changes survive, the move's source is still there.
  expect(await get('Events', updId)).toEqual({ id: { S: updId }, status: { S: 'open' }, owner: { S: 'bob' } });
  expect(await get('Archive', moveId)).toEqual({ id: { S: moveId }, note: { S: 'someone else archived it' } });
  expect(await get('Events', moveId)).not.toBeNull();
  // Everything else is written; the set-aside changes stay staged.
  for (const u of updates) {
    if (u.id === pausedUpdate.id) continue;
    expect((await get('Events', idOf(u.id)))?.status).toEqual({ S: 'closed' });
  }
  for (const m of moves.slice(2).filter((x) => x.change!.kind === 'delete'))
    expect(await get('Events', idOf(m.id))).toBeNull();
  const staged = ((await call('staging:load', {})).entries as StagingEntry[]).map((e) => e.id).sort();
  expect(staged).toEqual([pausedUpdate.id, movedPut.id, moves[1]!.id].sort());
});
