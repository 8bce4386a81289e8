/** Packing operations into BatchWriteItem requests under the count, byte and unique-key rules. */
import { isCanonicalKeyAt } from '../dynamo/key';
import { itemId, rowIdStart } from '../changes/identity';
import { measureItemUncached, type ItemMeasure, type Measurer } from '../dynamo/measure';
import { itemSize, writeUnits } from '../dynamo/size';
import type { Item, KeySchema } from '../dynamo/types';
import type { PlannerSession } from './session';
import { bodyBaseBytes, opJsonBytes, tableEntryBytes } from './wireSize';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_BATCH_WRITE_OPS,
  type PlanInput,
  type PlanOptions,
  type PlanRequest,
} from './types';

/** An operation with what packing needs: its identity across tables, JSON bytes and WCU. */
export interface SizedOp {
  op: PlanInput;
  /** Table plus canonical key: two operations with the same keyId may not share a request. */
  keyId: string;
  bytes: number;
  wcu: number;
}

export interface PackLimits {
  maxOps: number;
  maxBytes: number;
  returnConsumedCapacity: boolean;
}

/** The limits with defaults filled in; maxOps is clamped to 1..25. */
export function packLimits(opts: PlanOptions = {}): PackLimits {
  const maxOps = Math.min(MAX_BATCH_WRITE_OPS, Math.max(1, Math.floor(opts.maxOps ?? 25)));
  return {
    maxOps,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    returnConsumedCapacity: opts.returnConsumedCapacity ?? true,
  };
}

/**
 * Estimated WCU: a put on max(new, old) rounded up to 1 KB, a delete on the old size (or 1). With
 * a measurer the item's size is remembered there.
 */
export function opWriteUnits(op: PlanInput, measurer?: Measurer): number {
  if (op.kind === 'delete') return writeUnits(op.oldSize ?? 1);
  const size = measurer
    ? measurer.itemSize(op.item)
    : (measureItemUncached(op.item)?.size ?? itemSize(op.item));
  return writeUnits(Math.max(size, op.oldSize ?? 0));
}

/**
 * The key id of an operation (its ItemId: table, NUL, canonical key). An id that ends with
 * exactly that, as the change ids planInputs gives do (connection, NUL, table, NUL, canonical
 * key), already holds it: the tail is checked character by character and reused, not rebuilt.
 */
function keyIdOf(op: PlanInput, keyItem: Item, schema: KeySchema): string {
  const { id, table } = op;
  // The row id starts just past the NUL that ends the table name.
  const keyAt = rowIdStart(id);
  const start = keyAt - 1 - table.length;
  if (start >= 0 && id.startsWith(table, start) && isCanonicalKeyAt(id, keyAt, keyItem, schema)) {
    return start === 0 ? id : id.slice(start);
  }
  return itemId(table, keyItem, schema);
}

/** A SizedOp with the key schema it was measured against. */
export type SchemaSizedOp = SizedOp & { readonly schema: KeySchema };

/**
 * Measures an operation against its table's key schema. `known`, when the caller has it, is
 * measureItem(op.item) for a put (null: not in common form). Items are plain data that nobody
 * mutates, so a measurement holds for the object's life: the session remembers them (items in
 * common form in its measurer, items measured the slow way in `slow`).
 */
export function sizeOp(
  op: PlanInput,
  schema: KeySchema,
  known?: ItemMeasure | null,
  session?: PlannerSession,
): SchemaSizedOp {
  if (op.kind === 'delete') {
    // Only the key travels: a few bytes to measure.
    const keyId = keyIdOf(op, op.key, schema);
    return { op, keyId, bytes: opJsonBytes(op), wcu: opWriteUnits(op), schema };
  }
  const oldSize = op.oldSize ?? 0;
  const m =
    known !== undefined
      ? known
      : session
        ? session.measurer.measureItem(op.item)
        : measureItemUncached(op.item);
  if (m) {
    const keyId = keyIdOf(op, op.item, schema);
    return {
      op,
      keyId,
      bytes: 24 + m.jsonBytes,
      wcu: writeUnits(Math.max(m.size, oldSize)),
      schema,
    };
  }
  let f = session?.slow.get(op.item);
  if (!f || f.table !== op.table || f.schema !== schema) {
    const keyId = keyIdOf(op, op.item, schema);
    f = { table: op.table, schema, keyId, bytes: opJsonBytes(op), size: itemSize(op.item) };
    session?.slow.set(op.item, f);
  }
  const wcu = writeUnits(Math.max(f.size, oldSize));
  return { op, keyId: f.keyId, bytes: f.bytes, wcu, schema };
}

/** Whether the operation fits in a request on its own. */
export function fitsAlone(s: SizedOp, limits: PackLimits): boolean {
  return (
    bodyBaseBytes(limits.returnConsumedCapacity) + tableEntryBytes(s.op.table, true) + s.bytes <=
    limits.maxBytes
  );
}

export type AddResult = 'added' | 'full' | 'duplicate';

/** Builds one request; `add` refuses what would break a rule, so what it holds is always valid. */
export class RequestBuilder {
  readonly sized: SizedOp[] = [];
  private bytes: number;
  private wcu = 0;
  private readonly keys = new Set<string>();
  private readonly tables = new Set<string>();

  constructor(private readonly limits: PackLimits) {
    this.bytes = bodyBaseBytes(limits.returnConsumedCapacity);
  }

  get size(): number {
    return this.sized.length;
  }

  /** Adds the operation, or says why not. An empty builder always takes it (see `fitsAlone`). */
  add(s: SizedOp): AddResult {
    if (this.keys.has(s.keyId)) return 'duplicate';
    const newTable = !this.tables.has(s.op.table);
    const cost = s.bytes + (newTable ? tableEntryBytes(s.op.table, this.tables.size === 0) : 1);
    if (this.sized.length > 0) {
      if (this.sized.length >= this.limits.maxOps) return 'full';
      if (this.bytes + cost > this.limits.maxBytes) return 'full';
    }
    this.sized.push(s);
    this.keys.add(s.keyId);
    this.tables.add(s.op.table);
    this.bytes += cost;
    this.wcu += s.wcu;
    return 'added';
  }

  /** Whether no further operation could be added (count limit reached). */
  get full(): boolean {
    return this.sized.length >= this.limits.maxOps;
  }

  build(): PlanRequest {
    return { ops: this.sized.map((s) => s.op), bytes: this.bytes, wcu: this.wcu };
  }
}

/**
 * Packs operations in input order into requests. An operation whose key is already in the current
 * request is carried to the next one, so no request ever holds a key twice.
 */
export function packSized(
  ops: SizedOp[],
  limits: PackLimits,
): { sized: SizedOp[]; request: PlanRequest }[] {
  const out: { sized: SizedOp[]; request: PlanRequest }[] = [];
  let carry: SizedOp[] = [];
  let i = 0;
  while (i < ops.length || carry.length > 0) {
    const b = new RequestBuilder(limits);
    const nextCarry: SizedOp[] = [];
    let full = false;
    for (const s of carry) {
      const r = full ? 'full' : b.add(s);
      if (r === 'full') full = true;
      if (r !== 'added') nextCarry.push(s);
    }
    while (!full && i < ops.length) {
      const s = ops[i] as SizedOp;
      const r = b.add(s);
      if (r === 'full') full = true;
      else {
        if (r === 'duplicate') nextCarry.push(s);
        i++;
      }
    }
    out.push({ sized: b.sized, request: b.build() });
    carry = nextCarry;
  }
  return out;
}
