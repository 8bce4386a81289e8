import type { z } from 'zod';
import type { BatchGetResult, itemsChannels } from '../../shared/contract/items';
import { canonicalKey } from '../../shared/dynamo/key';
import type { Item } from '../../shared/dynamo/types';
import type { BackoffOptions } from '../../shared/retry/backoff';
import type { BackendContext } from '../context';
import { batchGetItems } from '../sdk/batchGet';
import { uniqueKeys } from './batchKeys';
import { resolveTarget } from './target';

type Channel = (typeof itemsChannels)['items:batchGet'];

export interface BatchGetOptions {
  /** Calls in flight at once per table (default 4). */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  /** Give up on keys when nothing was read for this long (default 60 s). */
  noProgressTimeoutMs?: number;
  random?: () => number;
}

/**
 * Reads items by key: each request's keys validated and deduplicated by canonical key, then read
 * with the shared BatchGetItem loop (100 keys per call, several in flight, unprocessed keys retried
 * with backoff). Every unique key ends up in exactly one of items, missing or unprocessed.
 */
export async function batchGet(
  input: z.output<Channel['input']>,
  ctx: BackendContext,
  opts: BatchGetOptions = {},
): Promise<z.output<Channel['output']>> {
  const results: BatchGetResult[] = [];
  for (const [i, request] of input.requests.entries()) {
    const client = await ctx.client(request.connectionId);
    const { tableKey } = await resolveTarget(client, request.table);
    const { keys, duplicates } = uniqueKeys(request.keys, tableKey, `requests.${i}.keys`);
    const got = await batchGetItems(client, request.table, tableKey, [...keys.values()], {
      consistent: request.consistentRead ?? false,
      ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
      ...(opts.noProgressTimeoutMs ? { noProgressTimeoutMs: opts.noProgressTimeoutMs } : {}),
      ...(opts.random ? { random: opts.random } : {}),
    });
    const unresolved = new Set(got.unresolved.map((k) => canonicalKey(k, tableKey)));
    const items: Item[] = [];
    const missing: Item[] = [];
    for (const [canonical, key] of keys) {
      const item = got.items.get(canonical);
      if (item) items.push(item);
      else if (!unresolved.has(canonical)) missing.push(key);
    }
    results.push({
      connectionId: request.connectionId,
      table: request.table,
      items,
      missing,
      unprocessed: got.unresolved,
      duplicates,
      consumedCapacity: got.consumedCapacity,
    });
  }
  return { results, consumedCapacity: results.reduce((sum, r) => sum + r.consumedCapacity, 0) };
}
