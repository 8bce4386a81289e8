/**
 * Atomic mode's plan: the operations with their conditions, the user's ConditionCheck actions and
 * the scope ("each group all or nothing" or "everything or nothing") turned into transactions.
 */
import { itemId, itemIdOf } from '../changes/identity';
import type { Item, KeySchema } from '../dynamo/types';
import { atomicGroups, MAX_TRANSACT_ACTIONS, MAX_TRANSACT_BYTES, type AtomicPlan, type TransactAction } from './atomicGroups';
import { jsonLength } from './jsonLength';
import type { KeySchemasByTable, PlanInput } from './types';

export type AtomicScope = 'group' | 'all';

/** The item at `key` must exist, or must not, for the transaction to be written. */
export interface AtomicCheck {
  table: string;
  key: Item;
  expect: 'exists' | 'absent';
}

/** A TransactWriteItems ConditionCheck action in DynamoDB JSON. */
export interface ConditionCheckAction {
  ConditionCheck: {
    TableName: string;
    Key: Item;
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
  };
}

export function conditionCheckAction(c: AtomicCheck, schema: KeySchema): ConditionCheckAction {
  return {
    ConditionCheck: {
      TableName: c.table,
      Key: c.key,
      ConditionExpression: c.expect === 'exists' ? 'attribute_exists(#k)' : 'attribute_not_exists(#k)',
      ExpressionAttributeNames: { '#k': schema.partitionKey.name },
    },
  };
}

/** How the review and the reports name a check. */
export function checkLabel(c: AtomicCheck): string {
  const key = Object.entries(c.key)
    .map(([n, v]) => `${n}=${Object.values(v)[0] as string}`)
    .join(', ');
  return `${c.table} ${key} ${c.expect === 'exists' ? 'exists' : 'does not exist'}`;
}

/** Every new item (a put without a guard) is written only if its key is free. */
export function atomicOps(ops: readonly PlanInput[]): PlanInput[] {
  return ops.map((op) => (op.kind === 'put' && !op.guard ? { ...op, guard: { base: null } } : op));
}

export interface AtomicPlanResult extends AtomicPlan {
  checks: ConditionCheckAction[];
  /** Set when nothing can be sent: why (the scope does not fit, a check is wrong). */
  refused?: string;
}

/** The input as atomic operations, with the checks as actions; or why the checks cannot be. */
function withChecks(
  input: readonly PlanInput[],
  schemas: KeySchemasByTable,
  checks: readonly AtomicCheck[],
): { ops: PlanInput[]; actions: ConditionCheckAction[]; checkBytes: number } | { refused: string } {
  const ops = atomicOps(input);
  const actions: ConditionCheckAction[] = [];
  // Only checks need the staged items' ids (10,000 keys of a bulk edit made into ids otherwise).
  const staged =
    checks.length === 0
      ? new Set<string>()
      : new Set(
          ops.map((op) => {
            const schema = schemas[op.table];
            return schema ? itemId(op.table, op.kind === 'put' ? op.item : op.key, schema) : itemIdOf(op.table, '');
          }),
        );
  for (const c of checks) {
    const schema = schemas[c.table];
    if (!schema) return { refused: `Condition check on ${c.table}: no key schema for that table` };
    const missing = [schema.partitionKey.name, schema.sortKey?.name].filter((n): n is string => !!n && !c.key[n]);
    if (missing.length > 0 || Object.keys(c.key).length !== (schema.sortKey ? 2 : 1))
      return { refused: `Condition check ${checkLabel(c)}: the key must be exactly ${[schema.partitionKey.name, schema.sortKey?.name].filter(Boolean).join(' and ')}` };
    if (staged.has(itemId(c.table, c.key, schema)))
      return { refused: `Condition check ${checkLabel(c)}: that item is staged; a transaction cannot name it twice` };
    actions.push(conditionCheckAction(c, schema));
  }
  return { ops, actions, checkBytes: actions.reduce((n, a) => n + jsonLength(a), 0) };
}

/**
 * After the call, either `refused` says why nothing can be sent, or every operation is in a
 * group (or rejected) and each group leaves room for every check: with scope `all`, there is
 * exactly one group holding every operation, its actions and checks at most 100 and 4 MB.
 */
export function planAtomic(
  input: readonly PlanInput[],
  schemas: KeySchemasByTable,
  scope: AtomicScope = 'group',
  checks: readonly AtomicCheck[] = [],
): AtomicPlanResult {
  const none: AtomicPlanResult = { groups: [], rejected: [], checks: [] };
  const prepared = withChecks(input, schemas, checks);
  if ('refused' in prepared) return { ...none, refused: prepared.refused };
  const { ops, actions, checkBytes } = prepared;
  const room = MAX_TRANSACT_ACTIONS - actions.length;
  if (scope === 'all') {
    // Grouped without counting bytes: past 100 actions (a bulk edit's 10,000) they do not matter.
    const grouped = atomicGroups(ops, schemas, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, false);
    const all = grouped.groups.reduce((n, g) => n + g.actions.length, 0);
    if (grouped.rejected.length > 0) return { ...none, refused: `Everything or nothing: ${grouped.rejected[0]!.reason} (${grouped.rejected[0]!.id})` };
    if (grouped.groups.length > 1) return { ...none, refused: 'Everything or nothing: two changes name the same item, so they cannot be one transaction' };
    if (all > room) return { ...none, refused: `Everything or nothing is only possible up to ${MAX_TRANSACT_ACTIONS} actions in one transaction: these changes need ${all + actions.length}${actions.length > 0 ? ` (with ${actions.length} condition checks)` : ''}. Choose "each group all or nothing".` };
    const one = atomicGroups(ops, schemas, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const bytes = one.groups.reduce((n, g) => n + g.bytes, 0);
    if (bytes + checkBytes > MAX_TRANSACT_BYTES) return { ...none, refused: 'Everything or nothing: the changes are larger than one transaction (4 MB)' };
    return { ...one, checks: actions };
  }
  return { ...atomicGroups(ops, schemas, room, MAX_TRANSACT_BYTES - checkBytes), checks: actions };
}

/**
 * An upper bound of jsonLength(action) for a Put of `item`, from `itemBytes`, the measured UTF-8
 * JSON bytes of `item` (shared/dynamo/measure: never fewer than its JSON's characters, escapes
 * counted); undefined for any other action.
 */
export function putActionBound(action: TransactAction, item: Item, itemBytes: number): number | undefined {
  if (!('Put' in action) || action.Put.Item !== item) return undefined;
  return jsonLength({ Put: { ...action.Put, Item: null } }) - 'null'.length + itemBytes;
}

/**
 * How many transactions planAtomic makes (0 when it refuses), for the estimate. `bound(index,
 * action)`: an upper bound of jsonLength(action) for input[index], when the caller has one cheaply
 * (putActionBound from the planner's measurements), undefined otherwise. With scope `group`, the
 * groups made by action count and clashes alone are planAtomic's own groups whenever each one's
 * bounds add up to at most the byte room: bytes then never close a group nor refuse an operation.
 * Only when some group might pass 4 MB are the actions measured exactly (planAtomic); a bulk edit
 * of 10,000 loaded rows was every row's image walked to count bytes that were never near the limit.
 */
export function atomicTransactionCount(
  input: readonly PlanInput[],
  schemas: KeySchemasByTable,
  scope: AtomicScope = 'group',
  checks: readonly AtomicCheck[] = [],
  bound?: (index: number, action: TransactAction) => number | undefined,
): number {
  if (scope === 'all' || !bound) return planAtomic(input, schemas, scope, checks).groups.length;
  const prepared = withChecks(input, schemas, checks);
  if ('refused' in prepared) return 0;
  const { ops, actions, checkBytes } = prepared;
  const room = MAX_TRANSACT_ACTIONS - actions.length;
  const maxBytes = MAX_TRANSACT_BYTES - checkBytes;
  const byCount = atomicGroups(ops, schemas, room, maxBytes, false);
  // atomicOps keeps the input's order and length: an operation's index is the input's.
  const indexOf = new Map<PlanInput, number>();
  ops.forEach((op, i) => indexOf.set(op, i));
  const fits = byCount.groups.every((g) => {
    let bytes = 0;
    g.actions.forEach((a, k) => {
      bytes += bound(indexOf.get(g.ops[k]!)!, a) ?? jsonLength(a);
    });
    return bytes <= maxBytes;
  });
  return fits ? byCount.groups.length : atomicGroups(ops, schemas, room, maxBytes).groups.length;
}
