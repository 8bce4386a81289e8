/**
 * BatchGetItem for many keys: at most 100 unique keys per call, several calls in flight,
 * UnprocessedKeys and throttled calls retried with full-jitter backoff, results by canonical key.
 */
import { BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { canonicalKey } from '../../../shared/dynamo/key';
import { keyOf, type Item, type KeySchema } from '../../../shared/dynamo/types';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../../shared/retry/backoff';
import { classifyFailure } from '../commit/errors';
import { itemOf, itemsOf, rawCapacity, sendRaw } from './rawRead';

export interface BatchGetOptions {
  /** Strongly consistent reads (default false). */
  consistent?: boolean;
  /** Calls in flight (default 4). */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  random?: () => number;
}

export interface BatchGetResult {
  /** Items found, by canonical key; a key that is absent here has no item. */
  items: Map<string, Item>;
  /** Keys still unprocessed after the last round: nothing is known about them. */
  unresolved: Item[];
  calls: number;
  consumedCapacity: number;
}

const MAX_KEYS = 100;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function mapLimit<T>(xs: T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < xs.length) await fn(xs[i++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
}

/**
 * Reads the items at `keys` (duplicates and non-key attributes ignored). Rejections such as a key
 * of the wrong type throw; throttling and transport failures are retried like UnprocessedKeys.
 */
export async function batchGetItems(
  client: DynamoDBClient,
  table: string,
  schema: KeySchema,
  keys: readonly Item[],
  opts: BatchGetOptions = {},
): Promise<BatchGetResult> {
  const backoff = backoffOptions(opts.backoff);
  const random = opts.random ?? Math.random;
  const result: BatchGetResult = {
    items: new Map(),
    unresolved: [],
    calls: 0,
    consumedCapacity: 0,
  };
  const unique = new Map<string, Item>();
  for (const k of keys) unique.set(canonicalKey(k, schema), keyOf(k, schema));
  let pending = [...unique.values()];
  for (let round = 0; pending.length > 0; round++) {
    if (round > backoff.maxRounds) {
      result.unresolved = pending;
      break;
    }
    if (round > 0) await sleep(backoffDelay(round - 1, backoff, random));
    const chunks: Item[][] = [];
    for (let i = 0; i < pending.length; i += MAX_KEYS) chunks.push(pending.slice(i, i + MAX_KEYS));
    const again: Item[] = [];
    await mapLimit(chunks, opts.concurrency ?? 4, async (chunk) => {
      result.calls++;
      try {
        // Raw DynamoDB JSON both ways (rawRead.ts): any attribute name survives.
        const out = await sendRaw(client, new BatchGetItemCommand({ RequestItems: {} }), {
          RequestItems: { [table]: { Keys: chunk, ConsistentRead: opts.consistent ?? false } },
          ReturnConsumedCapacity: 'TOTAL',
        });
        result.consumedCapacity += rawCapacity(out.ConsumedCapacity);
        const responses = itemOf(out.Responses, 'Responses') ?? {};
        for (const item of itemsOf(Object.getOwnPropertyDescriptor(responses, table)?.value, 'Responses')) {
          result.items.set(canonicalKey(item, schema), item);
        }
        const unprocessed = itemOf(out.UnprocessedKeys, 'UnprocessedKeys') ?? {};
        const back = Object.getOwnPropertyDescriptor(unprocessed, table)?.value as { Keys?: unknown } | undefined;
        again.push(...itemsOf(back?.Keys, 'UnprocessedKeys'));
      } catch (err) {
        if (classifyFailure(err).kind === 'reject') throw err;
        again.push(...chunk);
      }
    });
    pending = again;
  }
  return result;
}
