import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import type { StagedChange } from '../../shared/changes/types';
import { keyOf, type Item } from '../../shared/dynamo/types';
import { INVALID_ITEMS, RULES_TABLE } from '../../shared/validation/invalidItems';
import { createBackend, type Backend } from '../backend';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const TABLE = 'RulesTable';
const WRITES = ['BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems'];
let dir: string;
let backend: Backend;
let proxy: FaultProxy;
let connectionId: string;
let n = 0;

async function call(channel: string, input: unknown) {
  return (await backend.call(channel, input)).envelope;
}

/** The value of a call that succeeds (reviewedStart reads staging:load through it). */
async function valueOf(channel: string, input: unknown) {
  const out = await call(channel, input);
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

/** Stages `changes` alone: everything staged before is un-staged first. */
async function stageOnly(changes: StagedChange[]) {
  const loaded = await call('staging:load', {});
  const old = loaded.ok
    ? (loaded.value as { entries: { id: string; change: StagedChange }[] }).entries
    : [];
  const entries = [
    ...old.map((e) => ({ id: e.id, connectionId: e.change.connectionId, table: e.change.table })),
    ...changes.map((change) => ({ id: `rule-${++n}`, connectionId, table: TABLE, change })),
  ];
  const out = await call('staging:apply', { entries });
  if (!out.ok) throw new Error(out.error.message);
}

const put = (item: Item): StagedChange => ({
  kind: 'put',
  connectionId,
  table: TABLE,
  key: keyOf(item, RULES_TABLE.key),
  item,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-gate-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: false });
  await backend.services.sandbox.client().send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
        { AttributeName: 'status', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  proxy = await startFaultProxy(backend.services.sandbox.status().endpoint!, {}, 3);
  const saved = await call('connections:save', {
    kind: 'endpoint',
    name: 'Sandbox via fault proxy',
    region: 'us-east-1',
    endpoint: proxy.endpoint,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  connectionId = (saved.value as { connection: { id: string } }).connection.id;
});
afterAll(async () => {
  await proxy.close();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => proxy.resetCounters());

const writeCalls = () => WRITES.reduce((s, op) => s + (proxy.counters.calls[op] ?? 0), 0);

test.each(INVALID_ITEMS)('commit:start refuses %s before any write', async (_rule, item, code) => {
  const valid = put({ id: { S: `valid-${code}` }, at: { N: '1' } });
  await stageOnly([valid, put(item)]);
  const out = await call('commit:start', await reviewedStart(valueOf, { connectionId }));
  expect(out.ok).toBe(false);
  if (out.ok) return;
  expect(out.error.code).toBe('BadInput');
  expect(out.error.message).toMatch(/^Nothing was sent: 1 problem DynamoDB would reject\.\n/);
  expect(out.error.message).toContain(`${TABLE} [`);
  expect(writeCalls()).toBe(0);
  // Nothing was read either: the gate comes before the drift check.
  expect(proxy.counters.calls.BatchGetItem ?? 0).toBe(0);
});

test('the answer lists every problem with its table, key and attribute', async () => {
  await stageOnly([
    put({ id: { S: 'a' }, at: { N: '1' }, tags: { SS: [] } }),
    put({ id: { S: 'b' }, at: { N: '2' }, n: { N: '1E+126' }, status: { N: '1' } }),
  ]);
  const out = await call('commit:start', await reviewedStart(valueOf, { connectionId }));
  expect(out.ok).toBe(false);
  if (out.ok) return;
  expect(out.error.message.split('\n')).toEqual([
    'Nothing was sent: 3 problems DynamoDB would reject.',
    `${TABLE} [id=a, at=1]: tags is an empty string set; DynamoDB has no empty sets (remove the attribute).`,
    `${TABLE} [id=b, at=2]: n ("1E+126") is too large: the largest magnitude is 9.99…E+125.`,
    `${TABLE} [id=b, at=2]: status (the partition key of index byStatus) must be a string (S); it is a number (N).`,
  ]);
  expect(writeCalls()).toBe(0);
});

test('valid changes still commit through the gate', async () => {
  await stageOnly([put({ id: { S: 'ok' }, at: { N: '7' }, status: { S: 'open' } })]);
  const out = await call('commit:start', await reviewedStart(valueOf, { connectionId }));
  expect(out.ok && (out.value as { counters: { written: number } }).counters.written).toBe(1);
  expect(writeCalls()).toBeGreaterThan(0);
});
