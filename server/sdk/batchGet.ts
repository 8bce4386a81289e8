/**
 * BatchGetItem for many keys: at most 100 unique keys per call, several calls in flight, results
 * by canonical key. UnprocessedKeys, throttled and dropped calls are retried with the rule writes
 * follow: while the read as a whole makes progress it goes on (promptly: the backoff grows only
 * with rounds that read nothing), and it gives up only after no key was read for the no-progress
 * budget (default 60 s). No fixed number of rounds unless `backoff.maxRounds` is given.
 */
import { BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { canonicalKey } from '../../shared/dynamo/key';
import { keyOf, type Item, type KeySchema } from '../../shared/dynamo/types';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../shared/retry/backoff';
import { classifyFailure } from '../commitEngine/errors';
import { itemOf, itemsOf, rawCapacity, sendRaw } from './rawRead';

export interface BatchGetItemsOptions {
  /** Strongly consistent reads (default false). */
  consistent?: boolean;
  /** Calls in flight (default 4). */
  concurrency?: number;
  /** `maxRounds` is an optional cap; without it the no-progress budget ends a hopeless read. */
  backoff?: Partial<BackoffOptions>;
  /** Give up when no key was read for this long (default 60 s, as a commit). */
  noProgressTimeoutMs?: number;
  random?: () => number;
  /** Stops retrying: keys not read yet are returned as unresolved. */
  signal?: AbortSignal;
}

export interface BatchGetItemsResult {
  /** Items found, by canonical key; a key that is absent here has no item. */
  items: Map<string, Item>;
  /** Keys still unprocessed when the read gave up: nothing is known about them. */
  unresolved: Item[];
  calls: number;
  consumedCapacity: number;
}

const MAX_KEYS = 100;
export const DEFAULT_READ_NO_PROGRESS_MS = 60_000;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

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
  opts: BatchGetItemsOptions = {},
): Promise<BatchGetItemsResult> {
  const backoff = backoffOptions(opts.backoff);
  const maxRounds = opts.backoff?.maxRounds ?? Infinity;
  const budget = opts.noProgressTimeoutMs ?? DEFAULT_READ_NO_PROGRESS_MS;
  const random = opts.random ?? Math.random;
  const result: BatchGetItemsResult = {
    items: new Map(),
    unresolved: [],
    calls: 0,
    consumedCapacity: 0,
  };
  const unique = new Map<string, Item>();
  for (const k of keys) unique.set(canonicalKey(k, schema), keyOf(k, schema));
  let pending = [...unique.values()];
  let lastProgress = performance.now();
  // Rounds in a row that read nothing: the table as a whole pushing back.
  let stalled = 0;
  for (let round = 0; pending.length > 0; round++) {
    const idle = performance.now() - lastProgress;
    if (round > maxRounds || idle >= budget || opts.signal?.aborted) {
      result.unresolved = pending;
      break;
    }
    if (round > 0) {
      const delay = backoffDelay(stalled, backoff, random);
      await sleep(Math.min(delay, budget - idle), opts.signal);
      if (opts.signal?.aborted) continue;
    }
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
        // A rejected call or a call-wide answer (access denied, failing credentials, a missing
        // table) will not change by retrying: the caller says what to do.
        const kind = classifyFailure(err).kind;
        if (kind === 'reject' || kind === 'callWide') throw err;
        again.push(...chunk);
      }
    });
    if (again.length < pending.length) {
      lastProgress = performance.now();
      stalled = 0;
    } else stalled++;
    pending = again;
  }
  return result;
}
