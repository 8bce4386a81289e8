/** Baseline writers the commit engine is measured against. */
import {
  BatchWriteItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';

export type Row = Record<string, AttributeValue>;

const toRequests = (table: string, rows: Row[]) =>
  rows.map((Item): WriteRequest => ({ PutRequest: { Item } })).map((r) => ({ table, r }));

/** One PutItem at a time. */
export async function sequentialPuts(client: DynamoDBClient, table: string, rows: Row[]) {
  for (const Item of rows) await client.send(new PutItemCommand({ TableName: table, Item }));
}

/**
 * boto3's BatchWriter: one call in flight, 25 per call, UnprocessedItems appended to the buffer
 * and sent again straight away, no backoff.
 */
export async function boto3Style(
  client: DynamoDBClient,
  table: string,
  rows: Row[],
): Promise<number> {
  const buffer: WriteRequest[] = rows.map((Item) => ({ PutRequest: { Item } }));
  let calls = 0;
  while (buffer.length > 0) {
    const batch = buffer.splice(0, 25);
    calls++;
    try {
      const out = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [table]: batch } }),
      );
      buffer.push(...(out.UnprocessedItems?.[table] ?? []));
    } catch {
      buffer.push(...batch);
    }
  }
  return calls;
}

/**
 * N calls in flight over a shared queue, unprocessed items (and whole failed calls) put back and
 * sent again at once: what a quick hand-written Promise.all writer does.
 */
export async function naiveConcurrent(
  client: DynamoDBClient,
  table: string,
  rows: Row[],
  inFlight: number,
): Promise<number> {
  const queue = toRequests(table, rows).map((x) => x.r);
  let calls = 0;
  let active = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (active < inFlight && queue.length > 0) {
        const batch = queue.splice(0, 25);
        active++;
        calls++;
        client
          .send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }))
          .then(
            (out) => queue.push(...(out.UnprocessedItems?.[table] ?? [])),
            () => queue.push(...batch),
          )
          .finally(() => {
            active--;
            if (active === 0 && queue.length === 0) resolve();
            else pump();
          });
      }
    };
    pump();
  });
  return calls;
}
