/**
 * What a commit will cost in each write mode, from the review's planned operations: calls, write
 * and read units, an estimated time and on-demand dollars. Pure: the review shows it per mode.
 */
import { writeUnits } from '../dynamo/size';
import { opWriteUnits } from './builder';
import type { Plan, PlanInput, WriteMode } from './types';
import { MAX_BATCH_WRITE_OPS } from './types';
import { MAX_TRANSACT_ACTIONS, MAX_TRANSACT_BYTES } from './atomicGroups';

/** Keys per BatchGetItem call (the drift and existence check). */
export const MAX_BATCH_GET_KEYS = 100;

/** On-demand prices, dollars per million request units (after the November 2024 price cut). */
export interface OnDemandPrice {
  write: number;
  read: number;
}

// Standard table class; regions beyond these are priced as us-east-1 (see priceOf).
const PRICES: Readonly<Record<string, OnDemandPrice>> = {
  'us-east-1': { write: 0.625, read: 0.125 },
  'us-east-2': { write: 0.625, read: 0.125 },
  'us-west-2': { write: 0.625, read: 0.125 },
};
export const DEFAULT_PRICE_REGION = 'us-east-1';

/** The region's on-demand price; `assumed` is true when the region is not in the table. */
export function priceOf(region: string): { price: OnDemandPrice; assumed: boolean } {
  const known = Object.hasOwn(PRICES, region) ? PRICES[region] : undefined;
  return known
    ? { price: known, assumed: false }
    : { price: PRICES[DEFAULT_PRICE_REGION] as OnDemandPrice, assumed: true };
}

export interface EstimateAssumptions {
  /** Batch and read calls in flight at once (the commit's chosen concurrency). */
  concurrency: number;
  /** Guarded single-item calls in flight at once (the backend starts them at 16). */
  singleConcurrency?: number;
  /** Round trip of one call, milliseconds. */
  latencyMs: number;
}

/** The backend's starting concurrency (4) and a typical in-region round trip. */
export const DEFAULT_ASSUMPTIONS: EstimateAssumptions = { concurrency: 4, latencyMs: 20 };
/** Guarded single-item calls the backend keeps in flight at the start. */
export const DEFAULT_SINGLE_CONCURRENCY = 16;

export interface EstimateOptions {
  /** The check before writing (BatchGetItem); false: no reads (default true). */
  driftCheck?: boolean;
  /** Atomic mode: the planned number of transactions (default: by 100 actions and 4 MB). */
  transactions?: number;
  /** Version attribute (optimistic lock) by table: guarded updates add it when it is absent. */
  versions?: Readonly<Record<string, string>>;
  /**
   * The item size of `ops[index]` when the caller already measured it (the planner did, in its
   * session); undefined: measured here. Saves walking every new image again per estimate.
   */
  sizeOf?: (op: PlanInput, index: number) => number | undefined;
}

export interface Estimate {
  mode: WriteMode;
  /** Write calls: BatchWriteItem requests plus single-item guarded calls. */
  writeCalls: number;
  /** Of those, single-item guarded calls (UpdateItem, DeleteItem). */
  guardedCalls: number;
  /** BatchGetItem calls of the check before writing. */
  readCalls: number;
  /** Every call: writeCalls + readCalls. */
  calls: number;
  /** Write request units (1 KB each per item; an overwrite counts the larger image). */
  wcu: number;
  /** Read request units of the check before writing (strongly consistent, 4 KB each). */
  rcu: number;
  seconds: number;
  dollars: number;
  region: string;
  /** The region is not in the price table: us-east-1's price was used. */
  priceAssumed: boolean;
  assumptions: EstimateAssumptions;
}

/** How the review describes one staged change's call under the commit's mode. */
export function modeLabel(
  kind: 'put' | 'update' | 'delete',
  mode: WriteMode,
  version?: string,
): string {
  if (mode === 'atomic') return 'TransactWriteItems, atomic';
  if (mode === 'batch') return 'BatchWriteItem, batch';
  if (kind === 'put') return 'BatchWriteItem if absent (existence checked first)';
  // The table's version attribute: checked, and incremented by an update (shared/plan/guarded).
  const lock = version ? `; ${version} must hold the loaded value` : '';
  return kind === 'update'
    ? `UpdateItem, guarded${lock}${version ? ', +1' : ''}`
    : `DeleteItem, guarded${lock}`;
}

/** The write units of `op`, with the version attribute a guarded update adds when it is absent. */
function unitsWithVersion(op: PlanInput, version: string | undefined, size: number | undefined): number {
  if (!version || op.kind !== 'put' || Object.hasOwn(op.item, version)) {
    return size === undefined || op.kind !== 'put' ? opWriteUnits(op) : writeUnits(Math.max(size, op.oldSize ?? 0));
  }
  return opWriteUnits({ ...op, item: { ...op.item, [version]: { N: '1' } } });
}

function readUnits(op: PlanInput, isNew: boolean): number {
  // An absent item still costs one unit to read.
  return isNew ? 1 : Math.max(1, Math.ceil((op.oldSize ?? 0) / 4096));
}

/**
 * The estimate of committing `p` (planned from `ops`) in `mode`; `isNew(id)` says which puts create
 * items. Afterwards: batch mode counts the planner's requests and reads every operation's item
 * (the drift check); guarded mode sends one call per update or delete, packs new items into
 * ceil(n / 25) BatchWriteItem calls (more if their bytes need it) and reads only those; with the
 * drift check off nothing is read. Atomic mode sends one TransactWriteItems per transaction, one
 * after another, reads nothing, and every write unit is billed twice. Time: batch and read calls
 * at `concurrency` in flight, guarded single-item calls at `singleConcurrency` (default 16).
 */
export function estimate(
  ops: readonly PlanInput[],
  p: Plan,
  mode: WriteMode,
  isNew: (id: string) => boolean,
  region: string,
  assumptions: EstimateAssumptions = DEFAULT_ASSUMPTIONS,
  options: EstimateOptions = {},
): Estimate {
  const reading = options.driftCheck !== false && mode !== 'atomic';
  const skip = new Set([...p.collapsed.map((c) => c.id), ...p.rejected.map((r) => r.id)]);
  let planned = 0;
  let wcu = 0;
  let rcu = 0;
  let reads = 0;
  let guardedCalls = 0;
  let batchOps = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as PlanInput;
    if (skip.has(op.id)) continue;
    planned++;
    const fresh = op.kind === 'put' && isNew(op.id);
    const guarded = mode === 'guarded' && !fresh;
    const version = guarded ? options.versions?.[op.table] : undefined;
    wcu += unitsWithVersion(op, version, options.sizeOf?.(op, i));
    if (guarded) guardedCalls++;
    else batchOps++;
    if (reading && (mode === 'batch' || fresh)) {
      reads++;
      rcu += readUnits(op, fresh);
    }
  }
  let batchCalls = p.summary.requests;
  if (mode === 'guarded') {
    const bytes = p.requests.reduce((n, r) => n + r.bytes, 0);
    const share = planned > 0 ? (bytes * batchOps) / planned : 0;
    batchCalls = Math.max(
      Math.ceil(batchOps / MAX_BATCH_WRITE_OPS),
      Math.ceil(share / (15 * 1024 * 1024)),
    );
  }
  if (mode === 'atomic') {
    const bytes = p.requests.reduce((n, r) => n + r.bytes, 0);
    batchCalls =
      options.transactions ??
      Math.max(Math.ceil(planned / MAX_TRANSACT_ACTIONS), Math.ceil(bytes / MAX_TRANSACT_BYTES));
    wcu *= 2; // a transaction bills every write twice (prepare and commit)
  }
  const writeCalls = batchCalls + guardedCalls;
  const readCalls = Math.ceil(reads / MAX_BATCH_GET_KEYS);
  const calls = writeCalls + readCalls;
  const { price, assumed } = priceOf(region);
  const lat = assumptions.latencyMs;
  const single = assumptions.singleConcurrency ?? DEFAULT_SINGLE_CONCURRENCY;
  const seconds =
    mode === 'atomic'
      ? (writeCalls * lat) / 1000 // transactions go one after another
      : (Math.ceil((batchCalls + readCalls) / assumptions.concurrency) * lat +
          Math.ceil(guardedCalls / single) * lat) /
        1000;
  const dollars = (wcu * price.write + rcu * price.read) / 1_000_000;
  return {
    mode,
    writeCalls,
    guardedCalls,
    readCalls,
    calls,
    wcu,
    rcu,
    seconds,
    dollars,
    region,
    priceAssumed: assumed,
    assumptions,
  };
}

/** Dollars as the review shows them: cents, or two significant digits for sums under a cent. */
export function formatDollars(d: number): string {
  if (d === 0) return '$0.00';
  if (d < 0.01) return `$${Number(d.toPrecision(2)).toFixed(12).replace(/0+$/, '')}`;
  return `$${d.toFixed(2)}`;
}
