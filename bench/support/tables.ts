/** Bench tables: fresh ones per run, and the item-by-item check of what the server holds. */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue as SdkValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { itemsEquivalent } from '../../server/commitEngine/equivalent';
import { fromSdkItem } from '../../server/sdk/convert';
import { canonicalKey } from '../../shared/dynamo/key';
import type { Item, KeySchema } from '../../shared/dynamo/types';

export async function createBenchTable(
  client: DynamoDBClient,
  name: string,
  schema: KeySchema,
): Promise<void> {
  const keys = [schema.partitionKey, ...(schema.sortKey ? [schema.sortKey] : [])];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i ? 'RANGE' : 'HASH' })),
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // dynalite makes the table ACTIVE on a timer: on a loaded machine a write can come first.
  for (let i = 0; i < 200; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: name }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

export async function dropBenchTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name }));
}

/**
 * Items of `expected` missing from the table or different there, compared one by one (numbers by
 * value, sets unordered), plus items the table holds that were never written.
 */
export async function lostItems(
  client: DynamoDBClient,
  table: string,
  schema: KeySchema,
  expected: readonly Item[],
): Promise<number> {
  const want = new Map(expected.map((i) => [canonicalKey(i, schema), i]));
  let lost = 0;
  let seen = 0;
  let start: Record<string, SdkValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const raw of page.Items ?? []) {
      const item = fromSdkItem(raw);
      const staged = want.get(canonicalKey(item, schema));
      if (staged) seen++;
      if (!staged || !itemsEquivalent(item, staged)) lost++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return lost + (want.size - seen);
}
