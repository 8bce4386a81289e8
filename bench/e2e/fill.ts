/** Creates a bench table in dynalite and writes generated items into it, several calls in flight. */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { BenchItem } from './items';

const IN_FLIGHT = 8;

export async function createTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (;;) {
    const d = await client.send(new DescribeTableCommand({ TableName: table }));
    if (d.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes items 0..count-1 of `make`; resolves when every one is written. */
export async function fillTable(
  client: DynamoDBClient,
  table: string,
  count: number,
  make: (i: number) => BenchItem,
  onProgress?: (written: number) => void,
): Promise<void> {
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + 25);
      let requests: WriteRequest[] = [];
      for (let i = from; i < next; i++) requests.push({ PutRequest: { Item: make(i) } });
      while (requests.length > 0) {
        const out = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
        );
        requests = out.UnprocessedItems?.[table] ?? [];
      }
      written += next - from;
      if (onProgress && written % 50_000 < 25) onProgress(written);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}
