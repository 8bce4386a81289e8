import {
  BatchGetItemCommand,
  type DynamoDBClient,
  type AttributeValue as SdkValue,
} from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';
import type { BatchGetResult, itemsChannels } from '../../../shared/contract/items';
import { canonicalKey } from '../../../shared/dynamo/key';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../../shared/retry/backoff';
import type { BackendContext } from '../context';
import { fromSdkItem, toSdkItem } from '../dynamo/convert';
import { uniqueKeys } from './batchKeys';
import { isThrottling } from './errors';
import { runPool } from './pool';
import { capacityUnits } from './read';
import { resolveTarget } from './target';

type Channel = (typeof itemsChannels)['items:batchGet'];

/** BatchGetItem takes at most 100 keys per call. */
export const MAX_KEYS_PER_CALL = 100;

export interface BatchGetOptions {
  /** Calls in flight at once (default 4). */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface TableState {
  schema: KeySchema;
  unique: Map<string, Item>;
  duplicates: number;
  found: Map<string, Item>;
  unprocessed: Item[];
  consumedCapacity: number;
}

interface Job {
  client: DynamoDBClient;
  table: string;
  consistentRead: boolean;
  keys: Item[];
  state: TableState;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One chunk of keys: the call, then UnprocessedKeys again with full-jitter backoff. */
async function runJob(job: Job, opts: BatchGetOptions): Promise<void> {
  const backoff = backoffOptions(opts.backoff);
  const { state, table } = job;
  let pending: Record<string, SdkValue>[] = job.keys.map(toSdkItem);
  for (let round = 0; ; round++) {
    try {
      const out = await job.client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [table]: { Keys: pending, ...(job.consistentRead ? { ConsistentRead: true } : {}) },
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      state.consumedCapacity += capacityUnits(out.ConsumedCapacity);
      for (const raw of out.Responses?.[table] ?? []) {
        const item = fromSdkItem(raw);
        state.found.set(canonicalKey(item, state.schema), item);
      }
      pending = out.UnprocessedKeys?.[table]?.Keys ?? [];
    } catch (err) {
      if (!isThrottling(err)) throw err; // throttled: nothing was read, the whole call goes again
    }
    if (pending.length === 0) return;
    if (round >= backoff.maxRounds) {
      state.unprocessed.push(...pending.map(fromSdkItem));
      return;
    }
    await (opts.sleep ?? delay)(backoffDelay(round, backoff, opts.random));
  }
}

function result(
  request: z.output<Channel['input']>['requests'][number],
  state: TableState,
): BatchGetResult {
  const unprocessed = new Set(state.unprocessed.map((k) => canonicalKey(k, state.schema)));
  const items: Item[] = [];
  const missing: Item[] = [];
  for (const [canonical, key] of state.unique) {
    const item = state.found.get(canonical);
    if (item) items.push(item);
    else if (!unprocessed.has(canonical)) missing.push(key);
  }
  return {
    connectionId: request.connectionId,
    table: request.table,
    items,
    missing,
    unprocessed: state.unprocessed,
    duplicates: state.duplicates,
    consumedCapacity: state.consumedCapacity,
  };
}

/**
 * Reads items by key: each request's keys validated and deduplicated by canonical key, sent 100
 * per call with several calls in flight, unprocessed keys retried. Every unique key ends up in
 * exactly one of items (as the found item), missing or unprocessed.
 */
export async function batchGet(
  input: z.output<Channel['input']>,
  ctx: BackendContext,
  opts: BatchGetOptions = {},
): Promise<z.output<Channel['output']>> {
  const states: TableState[] = [];
  const jobs: Job[] = [];
  for (const [i, request] of input.requests.entries()) {
    const client = await ctx.client(request.connectionId);
    const { tableKey } = await resolveTarget(client, request.table);
    const { keys, duplicates } = uniqueKeys(request.keys, tableKey, `requests.${i}.keys`);
    const state: TableState = {
      schema: tableKey,
      unique: keys,
      duplicates,
      found: new Map(),
      unprocessed: [],
      consumedCapacity: 0,
    };
    states.push(state);
    const all = [...keys.values()];
    for (let at = 0; at < all.length; at += MAX_KEYS_PER_CALL) {
      jobs.push({
        client,
        table: request.table,
        consistentRead: request.consistentRead ?? false,
        keys: all.slice(at, at + MAX_KEYS_PER_CALL),
        state,
      });
    }
  }
  await runPool(jobs, opts.concurrency ?? 4, (job) => runJob(job, opts));
  const results = input.requests.map((r, i) => result(r, states[i] as TableState));
  return {
    results,
    consumedCapacity: results.reduce((sum, r) => sum + r.consumedCapacity, 0),
  };
}
