/**
 * Atomic mode: staged writes grouped into TransactWriteItems calls, each group all or nothing.
 * Every action carries the same condition as guarded mode (guardedCall); a move's put and delete
 * travel in one group, so the item is never deleted without its copy.
 */
import { itemId as itemIdOfKey } from '../changes/identity';
import type { AttributeValue, Item, KeySchema } from '../dynamo/types';
import { guardedCall } from './guarded';
import { jsonLength } from './jsonLength';
import type { KeySchemasByTable, PlanInput } from './types';

/** TransactWriteItems limits: 100 actions and 4 MB per call. */
export const MAX_TRANSACT_ACTIONS = 100;
export const MAX_TRANSACT_BYTES = 4 * 1024 * 1024;

interface ActionBody {
  TableName: string;
  Key?: Item;
  Item?: Item;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD';
}

/** One TransactWriteItems action in DynamoDB JSON (binary as base64). */
export type TransactAction = { Put: ActionBody } | { Update: ActionBody } | { Delete: ActionBody };

export interface AtomicGroup {
  /** The operations, in the order of `actions` (CancellationReasons come back in this order). */
  ops: PlanInput[];
  actions: TransactAction[];
  /** JSON bytes of the actions (JSON.stringify(action).length, summed). */
  bytes: number;
}

export interface AtomicPlan {
  groups: AtomicGroup[];
  rejected: { id: string; reason: string }[];
}

/** The action for one operation: guardedCall's request without its call-level fields. */
export function transactAction(op: PlanInput, schema: KeySchema): TransactAction {
  const call = guardedCall(op, schema);
  if (!call) {
    return op.kind === 'put'
      ? { Put: { TableName: op.table, Item: op.item } }
      : { Delete: { TableName: op.table, Key: op.key } };
  }
  const { ReturnConsumedCapacity: _rcc, ...body } = call.input;
  if (call.command === 'PutItem') return { Put: body };
  if (call.command === 'DeleteItem') return { Delete: body };
  return { Update: body };
}

const itemId = (op: PlanInput, schema: KeySchema) =>
  itemIdOfKey(op.table, op.kind === 'put' ? op.item : op.key, schema);

/**
 * After the call, every operation with a known table is in exactly one group, in order; a group has
 * at most `maxActions` actions and `maxBytes` bytes and no item twice; a delete that waits for a put
 * (`after`) is in the put's group. Operations that cannot fit anywhere are in `rejected`.
 * `countBytes` false: every `bytes` is 0 and `maxBytes` is not checked (for a caller that only
 * needs the grouping, and counts the bytes of the few actions it keeps).
 */
export function atomicGroups(
  ops: readonly PlanInput[],
  schemas: KeySchemasByTable,
  maxActions = MAX_TRANSACT_ACTIONS,
  maxBytes = MAX_TRANSACT_BYTES,
  countBytes = true,
): AtomicPlan {
  const rejected: AtomicPlan['rejected'] = [];
  const waiting = new Map<string, PlanInput[]>();
  const ids = new Set(ops.map((o) => o.id));
  for (const op of ops) {
    if (op.kind === 'delete' && op.after !== undefined && ids.has(op.after)) {
      waiting.set(op.after, [...(waiting.get(op.after) ?? []), op]);
    }
  }
  const groups: AtomicGroup[] = [];
  let current: AtomicGroup & { items: Set<string> } = { ops: [], actions: [], bytes: 0, items: new Set() };
  const close = () => {
    if (current.ops.length > 0) groups.push({ ops: current.ops, actions: current.actions, bytes: current.bytes });
    current = { ops: [], actions: [], bytes: 0, items: new Set() };
  };
  for (const op of ops) {
    if (op.kind === 'delete' && op.after !== undefined && ids.has(op.after)) continue; // travels with its put
    const after = waiting.get(op.id);
    const unit = after ? [op, ...after] : [op];
    const parts: { op: PlanInput; action: TransactAction; bytes: number; item: string }[] = [];
    let bad: string | null = null;
    for (const u of unit) {
      const schema = schemas[u.table];
      if (!schema) {
        bad = `No key schema for table ${u.table}`;
        break;
      }
      const action = transactAction(u, schema);
      // Counted, not serialised: the text of 10,000 actions was made only to be measured.
      parts.push({ op: u, action, bytes: countBytes ? jsonLength(action) : 0, item: itemId(u, schema) });
    }
    const bytes = parts.reduce((n, p) => n + p.bytes, 0);
    if (!bad && (parts.length > maxActions || bytes > maxBytes)) bad = 'Too large for one transaction (100 actions, 4 MB)';
    if (!bad && parts.length > 1 && new Set(parts.map((p) => p.item)).size < parts.length) bad = 'A move onto the same item cannot be one transaction';
    if (bad) {
      for (const u of unit) rejected.push({ id: u.id, reason: bad });
      continue;
    }
    const clash = parts.some((p) => current.items.has(p.item));
    if (clash || current.actions.length + parts.length > maxActions || current.bytes + bytes > maxBytes) close();
    for (const p of parts) {
      current.ops.push(p.op);
      current.actions.push(p.action);
      current.items.add(p.item);
    }
    current.bytes += bytes;
  }
  close();
  return { groups, rejected };
}
