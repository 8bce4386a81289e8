import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  ScanCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN, startFaultProxy, type FaultProxy } from './proxy';
import { localClient, startDynalite, tableActive, type LocalDynamo } from '../servers/dynalite';

let db: LocalDynamo;
let proxy: FaultProxy;
let client: DynamoDBClient;
let tableNo = 0;

beforeAll(async () => {
  db = await startDynalite();
  proxy = await startFaultProxy(db.endpoint, {}, 42);
  client = localClient(proxy.endpoint, 1);
});
afterAll(async () => {
  client.destroy();
  await proxy.close();
  await db.close();
});
beforeEach(() => {
  proxy.setConfig(CLEAN);
  proxy.resetCounters();
});

async function newTable(): Promise<string> {
  const name = `Proxy${++tableNo}`;
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await tableActive(client, name);
  return name;
}

const puts = (n: number, prefix = 'k'): WriteRequest[] =>
  Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { id: { S: `${prefix}${i}` } } } }));

async function ids(table: string): Promise<string[]> {
  const out = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
  return (out.Items ?? []).map((i) => i.id?.S ?? '').sort();
}

const idsOf = (reqs: WriteRequest[] | undefined) =>
  (reqs ?? []).map((r) => r.PutRequest?.Item?.id?.S ?? '').sort();

test('passes clean calls through unchanged, counting them and recording batch writes', async () => {
  const table = await newTable();
  const seen: unknown[] = [];
  proxy.onBatchWrite = (body) => seen.push(body.RequestItems);
  const out = await client.send(
    new BatchWriteItemCommand({
      RequestItems: { [table]: puts(3) },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  proxy.onBatchWrite = null;
  expect(out.UnprocessedItems).toEqual({});
  expect(out.ConsumedCapacity).toEqual([{ TableName: table, CapacityUnits: 3 }]);
  expect(seen).toEqual([{ [table]: puts(3) }]);
  expect(proxy.counters).toMatchObject({ writeOps: 3, opsForwarded: 3, opsWithheld: 0 });
  expect(proxy.counters.calls.BatchWriteItem).toBe(1);
  expect(await ids(table)).toEqual(['k0', 'k1', 'k2']);
});

test('withholds a fraction as UnprocessedItems, merged with what dynalite wrote', async () => {
  const table = await newTable();
  proxy.setConfig({ unprocessedFraction: 0.5 });
  const out = await client.send(
    new BatchWriteItemCommand({
      RequestItems: { [table]: puts(25) },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const unprocessed = idsOf(out.UnprocessedItems?.[table]);
  const written = await ids(table);
  expect(unprocessed.length).toBe(proxy.counters.opsWithheld);
  expect(unprocessed.length).toBeGreaterThan(0);
  expect(written.length).toBe(proxy.counters.opsForwarded);
  expect([...written, ...unprocessed].sort()).toEqual(idsOf(puts(25)));
  // Capacity is what was actually written, not what was asked.
  expect(out.ConsumedCapacity).toEqual([{ TableName: table, CapacityUnits: written.length }]);
});

test('withholding everything answers 200 with all of it unprocessed and zero capacity', async () => {
  const table = await newTable();
  proxy.setConfig({ unprocessedFraction: 1 });
  const out = await client.send(
    new BatchWriteItemCommand({
      RequestItems: { [table]: puts(4) },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  expect(idsOf(out.UnprocessedItems?.[table])).toEqual(idsOf(puts(4)));
  expect(out.ConsumedCapacity).toEqual([{ TableName: table, CapacityUnits: 0 }]);
  expect(await ids(table)).toEqual([]);
});

test('throttles whole calls with the error type DynamoDB uses', async () => {
  const table = await newTable();
  proxy.setConfig({ throttleFraction: 1 });
  await expect(
    client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(2) } })),
  ).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  proxy.setConfig({ throttleError: 'ThrottlingException' });
  await expect(
    client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(2) } })),
  ).rejects.toMatchObject({ name: 'ThrottlingException' });
  // Reads other than BatchGetItem are not faulted by default.
  await client.send(new ScanCommand({ TableName: table }));
  expect(proxy.counters.throttled).toBe(2);
});

test('drops connections before forwarding (nothing written) or after (written)', async () => {
  const table = await newTable();
  proxy.setConfig({ dropBeforeFraction: 1 });
  await expect(
    client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(2, 'before') } })),
  ).rejects.toThrow();
  expect(await ids(table)).toEqual([]);
  proxy.setConfig({ dropBeforeFraction: 0, dropAfterFraction: 1 });
  await expect(
    client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(2, 'after') } })),
  ).rejects.toThrow();
  expect(await ids(table)).toEqual(['after0', 'after1']);
  expect(proxy.counters).toMatchObject({ droppedBefore: 1, droppedAfter: 1 });
});

test('a write capacity refuses what exceeds the bucket, and throttles when nothing fits', async () => {
  const table = await newTable();
  proxy.setConfig({ writeCapacity: 1, writeBurst: 10 });
  const first = await client.send(
    new BatchWriteItemCommand({ RequestItems: { [table]: puts(25) } }),
  );
  expect(first.UnprocessedItems?.[table]).toHaveLength(15);
  expect(await ids(table)).toHaveLength(10);
  await expect(
    client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(25, 'again') } })),
  ).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  expect(proxy.counters).toMatchObject({
    opsForwarded: 10,
    opsOverCapacity: 15,
    capacityThrottled: 1,
  });
});

test('withholds BatchGetItem keys as UnprocessedKeys, keeping the table request shape', async () => {
  const table = await newTable();
  await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(20) } }));
  proxy.setConfig({ unprocessedKeysFraction: 0.5 });
  const keys = Array.from({ length: 20 }, (_, i) => ({ id: { S: `k${i}` } }));
  const out = await client.send(
    new BatchGetItemCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
  );
  const got = (out.Responses?.[table] ?? []).map((i) => i.id?.S ?? '');
  const missing = (out.UnprocessedKeys?.[table]?.Keys ?? []).map((k) => k.id?.S ?? '');
  expect(missing.length).toBe(proxy.counters.keysWithheld);
  expect(missing.length).toBeGreaterThan(0);
  expect(out.UnprocessedKeys?.[table]?.ConsistentRead).toBe(true);
  expect([...got, ...missing].sort()).toEqual(keys.map((k) => k.id.S).sort());
});

test('adds latency to every call', async () => {
  await newTable();
  proxy.setConfig({ latencyMs: 60 });
  const t0 = performance.now();
  await client.send(new ScanCommand({ TableName: `Proxy${tableNo}` }));
  expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
});
