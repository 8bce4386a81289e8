/** Staged writes -> BatchWriteItem requests, with the WCU estimate the review pane shows. */
import { keyNames, type KeySchema } from '../dynamo/types';
import {
  fitsAlone,
  packLimits,
  packSized,
  sizeOp,
  type PackLimits,
  type SizedOp,
} from './builder';
import type { ItemMeasure } from '../dynamo/measure';
import { PlannerSession } from './session';
import { linkOrder } from './links';
import type { KeySchemasByTable, Plan, PlanInput, PlanOptions } from './types';

/** Why an operation cannot be planned at all, or null when it can. */
export function unplannable(op: PlanInput, schema: KeySchema | undefined): string | null {
  if (!schema) return `no key schema for table "${op.table}"`;
  const keyItem = op.kind === 'put' ? op.item : op.key;
  const sk = schema.sortKey?.name;
  if (
    keyItem[schema.partitionKey.name] !== undefined &&
    (sk === undefined || keyItem[sk] !== undefined)
  )
    return null;
  const missing = keyNames(schema).filter((name) => keyItem[name] === undefined);
  if (missing.length > 0) {
    return `missing key attribute${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}`;
  }
  return null;
}

/**
 * What the caller already knows of a put's item, the `index`th of the operations: measureItem(op.item),
 * or null when not in common form; undefined when it does not know (see planInputs and inputMeasure).
 */
export type KnownMeasure = (op: PlanInput, index: number) => ItemMeasure | null | undefined;

export interface CollapseResult {
  /** The surviving operations, measured, in input order. */
  sized: SizedOp[];
  collapsed: { id: string; by: string }[];
  rejected: { id: string; reason: string }[];
}

/**
 * Measures the operations and keeps one per (table, canonical key): the last one wins. The
 * survivors keep their input order; every other operation is listed as collapsed or rejected.
 * The session keeps the measured operations: the review re-plans every staged change after each
 * edit with the same input objects in the same order (see planInputs and Carry), and only new
 * ones need measuring.
 */
export function collapseOps(
  ops: readonly PlanInput[],
  keySchemas: KeySchemasByTable,
  limits: PackLimits,
  known?: KnownMeasure,
  session: PlannerSession = new PlannerSession(),
): CollapseResult {
  const rejected: { id: string; reason: string }[] = [];
  const measured: SizedOp[] = [];
  const lastSized = session.sized;
  lastSized.begin();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as PlanInput;
    const schema = keySchemas[op.table];
    const why = unplannable(op, schema);
    if (why !== null || !schema) {
      rejected.push({ id: op.id, reason: why ?? 'no key schema' });
      lastSized.keep(op.id, undefined);
      continue;
    }
    let s = lastSized.find(op.id);
    if (s?.op !== op || s.schema !== schema) {
      try {
        s = sizeOp(op, schema, known?.(op, i), session);
      } catch (err) {
        // Only unchecked input gets here (binary that is not a string, say): refuse it alone.
        rejected.push({ id: op.id, reason: `not a DynamoDB JSON item: ${String(err)}` });
        lastSized.keep(op.id, undefined);
        continue;
      }
    }
    lastSized.keep(op.id, s);
    if (!fitsAlone(s, limits)) {
      rejected.push({ id: op.id, reason: `request would exceed ${limits.maxBytes} bytes` });
      continue;
    }
    measured.push(s);
  }
  lastSized.end();
  const winner = new Map<string, SizedOp>();
  for (const s of measured) winner.set(s.keyId, s);
  const sized: SizedOp[] = [];
  const collapsed: { id: string; by: string }[] = [];
  for (const s of measured) {
    const w = winner.get(s.keyId) as SizedOp;
    if (w === s) sized.push(s);
    else collapsed.push({ id: s.op.id, by: w.op.id });
  }
  return { sized, collapsed, rejected };
}

/**
 * Plans the writes: afterwards every request holds 1..`maxOps` operations (summed across tables),
 * its body stays within `maxBytes`, no request holds a key twice, and requests follow input order
 * except that deletes linked to a put come after every put (see linkOrder).
 */
export function plan(
  ops: readonly PlanInput[],
  keySchemas: KeySchemasByTable,
  opts: PlanOptions = {},
  known?: KnownMeasure,
  session?: PlannerSession,
): Plan {
  const limits = packLimits(opts);
  const { sized, collapsed, rejected } = collapseOps(ops, keySchemas, limits, known, session);
  const requests = packSized(linkOrder(sized), limits).map((p) => p.request);
  let puts = 0;
  for (const s of sized) if (s.op.kind === 'put') puts++;
  return {
    requests,
    collapsed,
    rejected,
    summary: {
      puts,
      deletes: sized.length - puts,
      requests: requests.length,
      bytes: requests.reduce((n, r) => n + r.bytes, 0),
      wcu: requests.reduce((n, r) => n + r.wcu, 0),
      collapsed: collapsed.length,
      rejected: rejected.length,
    },
  };
}
