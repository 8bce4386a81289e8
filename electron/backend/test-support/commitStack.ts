/** Test fixtures for the commit path: dynalite behind the fault proxy, tables, scans, items. */
import {
  CreateTableCommand,
  ScanCommand,
  type AttributeValue as SdkValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { CLEAN, startFaultProxy, type FaultProxy } from '../../../e2e/support/faultProxy';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import type { PlanInput } from '../../../shared/plan/types';
import { fromSdkItem } from '../dynamo/convert';
import { localClient, startDynalite, type LocalDynamo } from '../testing/dynalite';
import { createCommitClient } from '../commit/client';

export interface Stack {
  db: LocalDynamo;
  proxy: FaultProxy;
  /** Through the proxy, SDK retries off: what the executor uses. */
  client: DynamoDBClient;
  /** Straight to dynalite: for set-up and for checking what the server holds. */
  direct: DynamoDBClient;
  close(): Promise<void>;
}

export async function startStack(seed = 1): Promise<Stack> {
  const db = await startDynalite();
  const proxy = await startFaultProxy(db.endpoint, {}, seed);
  const client = createCommitClient({
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const direct = localClient(db.endpoint);
  return {
    db,
    proxy,
    client,
    direct,
    close: async () => {
      client.destroy();
      direct.destroy();
      await proxy.close();
      await db.close();
    },
  };
}

/**
 * The stack of one test file: started before its tests, with the proxy clean (no faults, counters
 * at zero, no request hook) before each test, closed after them. Its fields are there once the
 * file's tests run.
 */
export function useStack(seed: number): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack(seed));
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.proxy.setConfig(CLEAN);
    stack.proxy.resetCounters();
    stack.proxy.onBatchWrite = null;
  });
  return stack;
}

export async function createTable(client: DynamoDBClient, name: string, schema: KeySchema) {
  const keys = [schema.partitionKey, ...(schema.sortKey ? [schema.sortKey] : [])];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: keys.map((k, i) => ({
        AttributeName: k.name,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/** Every item of the table, read consistently, all pages. */
export async function scanAll(client: DynamoDBClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, SdkValue> | undefined;
  do {
    const out = await client.send(
      new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []).map(fromSdkItem));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A varied item under 1 KB (so each write costs exactly 1 WCU): numbers, binary, sets, nesting. */
export function sampleItem(i: number, prefix = 'item'): Item {
  return {
    id: { S: `${prefix}-${String(i).padStart(6, '0')}` },
    n: { N: `${i}.5e-1` },
    big: { N: '12345678901234567890123456789012345678' },
    bin: { B: btoa(String.fromCharCode(i % 256, (i * 7) % 256, 0)) },
    tags: { SS: ['a', `t${i % 5}`] },
    nested: {
      M: { list: { L: [{ BOOL: i % 2 === 0 }, { NULL: true }, { NS: ['1.5', `${i + 2}`] }] } },
    },
    text: { S: `row ${i} é ✓` },
  };
}

/** `n` puts of sampleItem(i, prefix) into table `t`, with operation ids `${idPrefix}${i}`. */
export function samplePuts(t: string, n: number, prefix = 'item', idPrefix = 'op'): PlanInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${idPrefix}${i}`,
    table: t,
    kind: 'put',
    item: sampleItem(i, prefix),
  }));
}

/** The string value of an item's `id` attribute ('' when absent or not a string). */
export function idOf(item: Item): string {
  const v = item.id;
  return v && 'S' in v ? v.S : '';
}
