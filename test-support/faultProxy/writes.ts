/**
 * What the fault proxy makes of a write call: withheld operations (UnprocessedItems), throttling,
 * the item-count bucket and the capacity model, and the rewrite of the forwarded call and its answer.
 */
import { itemSize, writeUnits } from '../../shared/dynamo/size';
import type { Item } from '../../shared/dynamo/types';
import { CAPACITY_MESSAGE, throttleReply, type Json, type Reply } from './answers';
import type { CapacityModel, Charge } from './capacity';
import type { FaultConfig, FaultCounters } from './config';

type WriteRequest = Record<string, unknown>;

/** What one call becomes: a reply of our own, or a (possibly rewritten) forward and a merge. */
export type Plan =
  | Reply
  | {
      kind: 'forward';
      body: Buffer;
      writeOps?: number;
      /** Rewrites a 200 answer (merging what the proxy withheld, settling capacity). */
      merge?: (upstream: Json) => Json;
      /** Called on any other answer: a refused batch wrote nothing, so it is not charged. */
      refused?: () => void;
    };

export interface WriteContext {
  cfg: FaultConfig;
  random: () => number;
  counters: FaultCounters;
  /** Takes up to `wanted` items from the item-count bucket; answers how many it granted. */
  takeItems(wanted: number): number;
  capacity: CapacityModel | null;
  /** The table's partition key attribute name (read once from the server). */
  partitionKeyOf(table: string): Promise<string>;
}

const wantsCapacity = (data: Json) =>
  data.ReturnConsumedCapacity === 'TOTAL' || data.ReturnConsumedCapacity === 'INDEXES';

/** The charge of writing `item` (a put's new image, or a key): 1 KB units, rounded up. */
async function chargeOf(
  ctx: WriteContext,
  table: string,
  item: Item,
  factor: number,
  isPut: boolean,
): Promise<Charge> {
  const model = ctx.capacity as CapacityModel;
  const pk = await ctx.partitionKeyOf(table);
  // A delete's or update's real size is settled from the server's own figure after the call.
  const wcu = (isPut ? writeUnits(itemSize(item)) : 1) * factor;
  return { table, partition: model.partitionOf(item[pk]), wcu };
}

/** Corrects the charges by the server's ConsumedCapacity; strips it when the client did not ask. */
function settle(ctx: WriteContext, up: Json, charges: Charge[], asked: boolean): Json {
  const model = ctx.capacity;
  if (!model || charges.length === 0) return up;
  const raw = up.ConsumedCapacity;
  const entries = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Json[];
  for (const e of entries) {
    const table = e.TableName as string;
    const mine = charges.filter((c) => c.table === table);
    if (mine.length === 0) continue;
    const actual = Number(e.CapacityUnits ?? 0);
    const charged = mine.reduce((s, c) => s + c.wcu, 0);
    for (const c of mine) model.adjust(table, c.partition, (actual - charged) / mine.length);
    ctx.counters.wcuConsumed += actual;
  }
  if (asked) return up;
  const rest = { ...up };
  delete rest.ConsumedCapacity;
  return rest;
}

export async function planBatchWrite(ctx: WriteContext, data: Json, raw: Buffer): Promise<Plan> {
  const { cfg, counters: c } = ctx;
  const items = data.RequestItems as Record<string, WriteRequest[]>;
  const withheld: Record<string, WriteRequest[]> = {};
  const kept: [string, WriteRequest][] = [];
  let total = 0;
  for (const [table, reqs] of Object.entries(items)) {
    const all = cfg.unprocessedTables.includes(table);
    for (const req of reqs) {
      total++;
      if (all || ctx.random() < cfg.unprocessedFraction) (withheld[table] ??= []).push(req);
      else kept.push([table, req]);
    }
  }
  c.writeOps += total;
  c.opsWithheld += total - kept.length;
  const counted = ctx.takeItems(kept.length);
  const forwarded: Record<string, WriteRequest[]> = {};
  const charges: Charge[] = [];
  let granted = 0;
  for (const [i, [table, req]] of kept.entries()) {
    let ok = i < counted;
    if (ok && ctx.capacity?.applies(table)) {
      const put = req.PutRequest as { Item: Item } | undefined;
      const del = req.DeleteRequest as { Key: Item } | undefined;
      const charge = await chargeOf(ctx, table, put?.Item ?? del?.Key ?? {}, 1, !!put);
      const grant = ctx.capacity.take([charge]);
      ok = grant === 'ok';
      if (ok) charges.push(charge);
      else if (grant === 'partition') c.opsPartitionLimited++;
    }
    if (ok) {
      granted++;
      (forwarded[table] ??= []).push(req);
    } else (withheld[table] ??= []).push(req);
  }
  if (granted === 0 && kept.length > 0) {
    // As DynamoDB does when nothing in the call fits the provisioned throughput.
    c.throttled++;
    c.capacityThrottled++;
    return throttleReply(cfg.throttleError, CAPACITY_MESSAGE);
  }
  c.opsOverCapacity += kept.length - granted;
  c.opsForwarded += granted;
  if (granted === total && charges.length === 0)
    return { kind: 'forward', body: raw, writeOps: granted };
  if (granted === 0) {
    const body: Json = { UnprocessedItems: withheld };
    if (wantsCapacity(data)) {
      body.ConsumedCapacity = Object.keys(items).map((t) => ({ TableName: t, CapacityUnits: 0 }));
    }
    return { kind: 'reply', status: 200, body };
  }
  const asked = wantsCapacity(data);
  const sent: Json = { ...data, RequestItems: forwarded };
  if (charges.length > 0 && !asked) sent.ReturnConsumedCapacity = 'TOTAL';
  return {
    kind: 'forward',
    body: Buffer.from(JSON.stringify(sent)),
    writeOps: granted,
    // dynalite's ConsumedCapacity covers exactly the forwarded part, which is what was written.
    merge: (up) => {
      const unprocessed = { ...((up.UnprocessedItems as Record<string, WriteRequest[]>) ?? {}) };
      for (const [t, reqs] of Object.entries(withheld)) {
        unprocessed[t] = [...(unprocessed[t] ?? []), ...reqs];
      }
      return settle(ctx, { ...up, UnprocessedItems: unprocessed }, charges, asked);
    },
    refused: () => {
      for (const ch of charges) ctx.capacity?.adjust(ch.table, ch.partition, -ch.wcu);
    },
  };
}

/** The (table, item or key, is a put) of each write a single-item call or transaction makes. */
function writesOf(op: string, data: Json): [string, Item, boolean][] {
  const one = (spec: Json | undefined): [string, Item, boolean][] => {
    if (!spec || typeof spec.TableName !== 'string') return [];
    const item = (spec.Item ?? spec.Key ?? {}) as Item;
    return [[spec.TableName, item, spec.Item !== undefined]];
  };
  if (op !== 'TransactWriteItems') return one(data);
  const actions = Array.isArray(data.TransactItems) ? (data.TransactItems as Json[]) : [];
  return actions.flatMap((a) => one((a.Put ?? a.Update ?? a.Delete ?? a.ConditionCheck) as Json));
}

/** PutItem, UpdateItem, DeleteItem, TransactWriteItems: all or nothing, throttled with PTEE. */
export async function planSingleWrite(
  ctx: WriteContext,
  op: string,
  data: Json,
  raw: Buffer,
): Promise<Plan> {
  const { cfg, counters: c } = ctx;
  const writes = writesOf(op, data);
  const refuse = (capacity: boolean): Plan => {
    c.throttled++;
    if (capacity) c.capacityThrottled++;
    return throttleReply('ProvisionedThroughputExceededException', CAPACITY_MESSAGE);
  };
  if (writes.some(([t]) => cfg.unprocessedTables.includes(t))) return refuse(false);
  if (ctx.takeItems(writes.length) < writes.length) return refuse(true);
  const model = ctx.capacity;
  const charges: Charge[] = [];
  // Transactional writes cost double.
  const factor = op === 'TransactWriteItems' ? 2 : 1;
  for (const [table, item, isPut] of writes) {
    if (model?.applies(table)) charges.push(await chargeOf(ctx, table, item, factor, isPut));
  }
  if (!model || charges.length === 0)
    return { kind: 'forward', body: raw, writeOps: writes.length };
  const grant = model.take(charges);
  if (grant !== 'ok') {
    if (grant === 'partition') c.opsPartitionLimited++;
    return refuse(true);
  }
  const asked = wantsCapacity(data);
  const sent = asked ? data : { ...data, ReturnConsumedCapacity: 'TOTAL' };
  return {
    kind: 'forward',
    body: Buffer.from(JSON.stringify(sent)),
    writeOps: writes.length,
    merge: (up) => settle(ctx, up, charges, asked),
  };
}

export async function planBatchGet(ctx: WriteContext, data: Json, raw: Buffer): Promise<Plan> {
  const items = data.RequestItems as Record<string, Json & { Keys: Json[] }>;
  const forwarded: Record<string, Json> = {};
  const withheld: Record<string, Json & { Keys: Json[] }> = {};
  let total = 0;
  let held = 0;
  for (const [table, spec] of Object.entries(items)) {
    const keep: Json[] = [];
    for (const key of spec.Keys) {
      total++;
      if (ctx.random() < ctx.cfg.unprocessedKeysFraction) {
        held++;
        (withheld[table] ??= { ...spec, Keys: [] }).Keys.push(key);
      } else keep.push(key);
    }
    if (keep.length > 0) forwarded[table] = { ...spec, Keys: keep };
  }
  ctx.counters.keysRequested += total;
  ctx.counters.keysWithheld += held;
  if (held === 0) return { kind: 'forward', body: raw };
  if (held === total) {
    const responses = Object.fromEntries(Object.keys(items).map((t) => [t, []]));
    return {
      kind: 'reply',
      status: 200,
      body: { Responses: responses, UnprocessedKeys: withheld },
    };
  }
  return {
    kind: 'forward',
    body: Buffer.from(JSON.stringify({ ...data, RequestItems: forwarded })),
    merge: (up) => {
      const unprocessed = {
        ...((up.UnprocessedKeys as Record<string, Json & { Keys: Json[] }>) ?? {}),
      };
      for (const [t, spec] of Object.entries(withheld)) {
        const prev = unprocessed[t];
        unprocessed[t] = prev ? { ...prev, Keys: [...prev.Keys, ...spec.Keys] } : spec;
      }
      const responses = { ...((up.Responses as Record<string, unknown[]>) ?? {}) };
      for (const t of Object.keys(items)) responses[t] ??= [];
      return { ...up, Responses: responses, UnprocessedKeys: unprocessed };
    },
  };
}
