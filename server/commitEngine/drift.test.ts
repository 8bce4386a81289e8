import { BatchWriteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN } from '../../test-support/faultProxy/proxy';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { toSdkItem } from '../sdk/convert';
import { batchGetItems } from '../sdk/batchGet';
import { checkDrift, readBack } from './drift';
import { itemsEquivalent } from './equivalent';
import { createTable, sampleItem, startStack, type Stack } from '../../test-support/fixtures/commitStack';

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const fast = { baseMs: 1, capMs: 20 };
let stack: Stack;

const item = (i: number): Item => ({
  pk: { S: `p${i % 7}` },
  sk: { N: String(i) },
  ...sampleItem(i),
});

beforeAll(async () => {
  stack = await startStack(11);
  await createTable(stack.direct, 'Drift', schema);
  for (let i = 0; i < 450; i += 25) {
    const batch = Array.from({ length: 25 }, (_, j) => ({
      PutRequest: { Item: toSdkItem(item(i + j)) },
    }));
    await stack.direct.send(new BatchWriteItemCommand({ RequestItems: { Drift: batch } }));
  }
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.proxy.setConfig(CLEAN);
  stack.proxy.resetCounters();
});

test('batchGetItems: 100 unique keys per call, unprocessed keys retried, matched by canonical key', async () => {
  stack.proxy.setConfig({
    unprocessedKeysFraction: 0.4,
    throttleFraction: 0.1,
    dropBeforeFraction: 0.05,
  });
  const keys: Item[] = [];
  for (let i = 0; i < 500; i++) keys.push({ pk: { S: `p${i % 7}` }, sk: { N: `${i}.000` } }); // 450..499 absent
  keys.push(...keys.slice(0, 50)); // duplicates are read once
  const got = await batchGetItems(stack.client, 'Drift', schema, keys, {
    consistent: true,
    backoff: fast,
  });
  expect(got.unresolved).toEqual([]);
  expect(got.items.size).toBe(450);
  // dynalite hands numbers back normalised ("1.05" for "10.5e-1"): compare as DynamoDB does.
  expect(itemsEquivalent(got.items.get(JSON.stringify(['S:p3', 'N:10'])) ?? {}, item(10))).toBe(
    true,
  );
  expect(stack.proxy.counters.keysWithheld).toBeGreaterThan(0);
  expect(got.calls).toBeGreaterThan(5);
});

test('batchGetItems splits 250 keys into three calls (dynalite refuses more than 100)', async () => {
  const keys = Array.from({ length: 250 }, (_, i) => ({
    pk: { S: `p${i % 7}` },
    sk: { N: String(i) },
  }));
  const got = await batchGetItems(stack.client, 'Drift', schema, keys);
  expect(got.items.size).toBe(250);
  expect(got.calls).toBe(3);
  expect(stack.proxy.counters.calls.BatchGetItem).toBe(3);
  expect(stack.proxy.counters.keysRequested).toBe(250);
});

test('checkDrift reports items changed or created since the edit was based on them', async () => {
  await stack.direct.send(
    new PutItemCommand({
      TableName: 'Drift',
      Item: toSdkItem({ ...item(5), text: { S: 'someone else' } }),
    }),
  );
  const inputs = [
    { id: 'same', table: 'Drift', key: { pk: { S: 'p1' }, sk: { N: '1' } }, original: item(1) },
    // numbers compare by value, sets ignore order
    {
      id: 'normalised',
      table: 'Drift',
      key: { pk: { S: 'p2' }, sk: { N: '2.0' } },
      original: { ...item(2), n: { N: '0.0250e1' }, tags: { SS: ['t2', 'a'] } },
    },
    { id: 'changed', table: 'Drift', key: { pk: { S: 'p5' }, sk: { N: '5' } }, original: item(5) },
    { id: 'created', table: 'Drift', key: { pk: { S: 'p3' }, sk: { N: '3' } }, original: null },
    { id: 'gone', table: 'Drift', key: { pk: { S: 'p0' }, sk: { N: '999' } }, original: item(999) },
    {
      id: 'stillAbsent',
      table: 'Drift',
      key: { pk: { S: 'p0' }, sk: { N: '998' } },
      original: null,
    },
  ];
  stack.proxy.setConfig({ unprocessedKeysFraction: 0.5 });
  const drift = await checkDrift(
    stack.client,
    inputs,
    { Drift: schema },
    { backoff: fast },
  );
  expect(drift.unchecked).toEqual([]);
  expect(drift.mismatches.map((m) => m.id)).toEqual(['changed', 'created', 'gone']);
  const changed = drift.mismatches[0];
  expect(changed?.server?.text).toEqual({ S: 'someone else' });
  expect(changed?.expected).toEqual(item(5));
  expect(drift.mismatches[2]?.server).toBeNull();
});

test('default options, heavy UnprocessedKeys, throttling and drops: the drift check reads every key', async () => {
  // 80% of keys withheld per call: a fixed 10 rounds leaves ~0.8^11 of them unread (~40 of 450);
  // the read goes on while it makes progress, so none is left unchecked.
  const five = { ...item(5), text: { S: 'someone else' } };
  await stack.direct.send(new PutItemCommand({ TableName: 'Drift', Item: toSdkItem(five) }));
  stack.proxy.setConfig({
    unprocessedKeysFraction: 0.8,
    throttleFraction: 0.1,
    dropBeforeFraction: 0.02,
  });
  const inputs = Array.from({ length: 450 }, (_, i) => ({
    id: `i${i}`,
    table: 'Drift',
    key: { pk: { S: `p${i % 7}` }, sk: { N: String(i) } },
    original: i === 5 ? five : item(i),
  }));
  const drift = await checkDrift(stack.client, inputs, { Drift: schema });
  expect(drift.unchecked).toEqual([]);
  expect(drift.mismatches).toEqual([]);
  expect(stack.proxy.counters.keysWithheld).toBeGreaterThan(450);
  expect(stack.proxy.counters.throttled).toBeGreaterThan(0);
});

test('readBack finds puts not on the server as written and deletes that still exist', async () => {
  const diff = await readBack(
    stack.client,
    [
      { id: 'ok', table: 'Drift', kind: 'put', item: item(20) },
      { id: 'differs', table: 'Drift', kind: 'put', item: { ...item(21), extra: { BOOL: true } } },
      { id: 'deleted', table: 'Drift', kind: 'delete', key: { pk: { S: 'p0' }, sk: { N: '997' } } },
      {
        id: 'notDeleted',
        table: 'Drift',
        kind: 'delete',
        key: { pk: { S: 'p1' }, sk: { N: '22' } },
      },
    ],
    { Drift: schema },
  );
  expect(diff.mismatches.map((m) => m.id)).toEqual(['differs', 'notDeleted']);
  expect(diff.mismatches[1]?.expected).toBeNull();
  expect(itemsEquivalent(diff.mismatches[1]?.server ?? {}, item(22))).toBe(true);
});
