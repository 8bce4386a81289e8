import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, expect, test } from 'vitest';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createTable, useStack } from '../../test-support/fixtures/commitStack';
import { batchGetItems } from './batchGet';
import { toSdkItem } from './convert';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const stack = useStack(23);
const keys: Item[] = Array.from({ length: 30 }, (_, i) => ({ id: { S: `k${i}` } }));

beforeAll(async () => {
  await createTable(stack.direct, 'Reads', schema);
  await stack.direct.send(
    new BatchWriteItemCommand({
      RequestItems: { Reads: keys.slice(0, 25).map((k) => ({ PutRequest: { Item: toSdkItem(k) } })) },
    }),
  );
});

test('a read that makes no progress gives up after the no-progress budget, keys reported unresolved', async () => {
  stack.proxy.setConfig({ unprocessedKeysFraction: 1 });
  const got = await batchGetItems(stack.client, 'Reads', schema, keys, {
    noProgressTimeoutMs: 1500,
    backoff: { baseMs: 1, capMs: 20 },
  });
  expect(got.unresolved).toHaveLength(30);
  expect(got.items.size).toBe(0);
  // Far more than the 10 rounds a fixed cap allowed: it stopped on time, not on a count.
  expect(got.calls).toBeGreaterThan(11);
  expect(stack.proxy.counters.calls.BatchGetItem).toBe(got.calls);
});

test('access denied on the table is not retried: one call, the error says why', async () => {
  stack.proxy.setConfig({ deny: [{ table: 'Reads', error: 'AccessDeniedException' }] });
  await expect(batchGetItems(stack.client, 'Reads', schema, keys)).rejects.toMatchObject({
    name: 'AccessDeniedException',
  });
  expect(stack.proxy.counters.calls.BatchGetItem).toBe(1);
});

test('a canceled read stops retrying and reports what it did not read', async () => {
  stack.proxy.setConfig({ unprocessedKeysFraction: 1 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const got = await batchGetItems(stack.client, 'Reads', schema, keys, {
    signal: controller.signal,
  });
  expect(got.unresolved).toHaveLength(30);
});
