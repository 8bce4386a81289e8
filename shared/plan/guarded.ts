/**
 * Guarded writes: one conditional single-item call per change, so that the write happens only if
 * the item still is what the user saw. An update SETs and REMOVEs only the changed attributes
 * (a concurrent change to other attributes survives); a change to the same attributes fails its
 * condition and comes back as a conflict.
 */
import { valuesEqual } from '../dynamo/equal';
import { getAttr } from '../dynamo/attrs';
import { keyNames, keyOf, type AttributeValue, type Item, type KeySchema } from '../dynamo/types';
import type { PlanInput } from './types';

/** The request of one guarded call, as the DynamoDB JSON API takes it (items in DynamoDB JSON). */
export interface GuardedCall {
  command: 'UpdateItem' | 'PutItem' | 'DeleteItem';
  /** The item's key attributes. */
  key: Item;
  input: {
    TableName: string;
    Key?: Item;
    Item?: Item;
    UpdateExpression?: string;
    ConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
    ReturnValuesOnConditionCheckFailure?: 'ALL_OLD';
    ReturnConsumedCapacity: 'TOTAL';
  };
}

/**
 * Placeholders for every name and value: any attribute name works, `__proto__` included (names
 * are values here; the keys are `#n0`, `:v0`, …, so plain objects hold them safely).
 */
class Expr {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private readonly byName = new Map<string, string>();
  private v = 0;

  name(n: string): string {
    let p = this.byName.get(n);
    if (p === undefined) {
      p = `#n${this.byName.size}`;
      this.byName.set(n, p);
      this.names[p] = n;
    }
    return p;
  }

  value(v: AttributeValue): string {
    const p = `:v${this.v++}`;
    this.values[p] = v;
    return p;
  }

  get nameCount(): number {
    return this.byName.size;
  }

  get valueCount(): number {
    return this.v;
  }
}

/** Names present in either image whose values differ (added, removed or changed). */
export function changedNames(base: Item, next: Item): string[] {
  const out: string[] = [];
  // for…in: no key arrays made (items are plain objects; an own `__proto__` is enumerated too).
  for (const n in base) {
    const b = base[n] as AttributeValue;
    const x = getAttr(next, n);
    if (x === undefined || !valuesEqual(b, x)) out.push(n);
  }
  for (const n in next) if (getAttr(base, n) === undefined) out.push(n);
  return out;
}

/**
 * The conditions that `path` holds `value`. Maps and lists are checked by type, size and each
 * member: equality of whole maps and lists is not something every DynamoDB implementation
 * evaluates (dynalite does not), while these work everywhere.
 */
function holdsAt(e: Expr, path: string, value: AttributeValue, out: string[]): void {
  if ('M' in value || 'L' in value) {
    const tag = 'M' in value ? 'M' : 'L';
    out.push(`attribute_type(${path}, ${e.value({ S: tag })})`);
    const members = 'M' in value ? Object.entries(value.M) : value.L.map((v, i) => [i, v] as const);
    out.push(`size(${path}) = ${e.value({ N: String(members.length) })}`);
    for (const [k, v] of members) {
      holdsAt(e, typeof k === 'number' ? `${path}[${k}]` : `${path}.${e.name(k)}`, v, out);
    }
    return;
  }
  out.push(`${path} = ${e.value(value)}`);
}

/** Conditions that attribute `name` still holds `value`, or is absent when `value` is undefined. */
function holds(e: Expr, name: string, value: AttributeValue | undefined): string {
  if (value === undefined) return `attribute_not_exists(${e.name(name)})`;
  const out: string[] = [];
  holdsAt(e, e.name(name), value, out);
  return out.join(' AND ');
}

function finish(e: Expr, call: GuardedCall, conditions: string[]): GuardedCall {
  if (conditions.length > 0) {
    call.input.ConditionExpression = conditions.join(' AND ');
    call.input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  }
  // Counted, not Object.keys'd: 10,000 calls of a bulk edit are planned on every review.
  if (e.nameCount > 0) call.input.ExpressionAttributeNames = e.names;
  if (e.valueCount > 0) call.input.ExpressionAttributeValues = e.values;
  return call;
}

/** One `N` more than `n` (a version counter), keeping it a decimal string. */
function plusOne(n: string): string {
  if (/^\d+$/.test(n)) return (BigInt(n) + 1n).toString();
  return n; // not a whole number: left to the server's arithmetic below
}

/**
 * The guarded call for an operation with a guard, or null when it has none (a batch write).
 * Afterwards: an update sets/removes only its changed attributes on the condition that each still
 * holds its base value and the item exists; a delete is conditioned on its whole base image (or on
 * the version); a new put on the key being absent; `overwrite` drops the value conditions.
 */
export function guardedCall(op: PlanInput, schema: KeySchema): GuardedCall | null {
  const guard = op.guard;
  if (!guard) return null;
  const e = new Expr();
  const pk = schema.partitionKey.name;
  const conditions: string[] = [];
  const v = guard.version;
  if (op.kind === 'delete') {
    const call: GuardedCall = {
      command: 'DeleteItem',
      key: op.key,
      input: { TableName: op.table, Key: op.key, ReturnConsumedCapacity: 'TOTAL' },
    };
    if (!guard.overwrite && guard.base) {
      const keys = new Set(keyNames(schema));
      conditions.push(`attribute_exists(${e.name(pk)})`);
      const names = v !== undefined ? [v] : Object.keys(guard.base).filter((n) => !keys.has(n));
      for (const n of names) conditions.push(holds(e, n, getAttr(guard.base, n)));
    }
    return finish(e, call, conditions);
  }
  if (guard.base === null) {
    const call: GuardedCall = {
      command: 'PutItem',
      key: keyOf(op.item, schema),
      input: { TableName: op.table, Item: op.item, ReturnConsumedCapacity: 'TOTAL' },
    };
    if (!guard.overwrite) conditions.push(`attribute_not_exists(${e.name(pk)})`);
    return finish(e, call, conditions);
  }
  const base = guard.base;
  const changed = changedNames(base, op.item);
  const sets: string[] = [];
  const removes: string[] = [];
  for (const n of changed) {
    const next = getAttr(op.item, n);
    if (next === undefined) removes.push(e.name(n));
    else sets.push(`${e.name(n)} = ${e.value(next)}`);
  }
  if (!guard.overwrite) {
    conditions.push(`attribute_exists(${e.name(pk)})`);
    for (const n of changed) conditions.push(holds(e, n, getAttr(base, n)));
    if (v !== undefined && !changed.includes(v)) {
      const was = getAttr(base, v);
      conditions.push(holds(e, v, was));
      if (was && 'N' in was && plusOne(was.N) !== was.N)
        sets.push(`${e.name(v)} = ${e.value({ N: plusOne(was.N) })}`);
      else if (!was) sets.push(`${e.name(v)} = ${e.value({ N: '1' })}`);
      else sets.push(`${e.name(v)} = ${e.name(v)} + ${e.value({ N: '1' })}`);
    }
  } else if (v !== undefined && !changed.includes(v)) {
    // Overwrite keeps the lock honest: whatever the server holds, the version goes up by one.
    const n = e.name(v);
    sets.push(`${n} = if_not_exists(${n}, ${e.value({ N: '0' })}) + ${e.value({ N: '1' })}`);
  }
  const parts: string[] = [];
  if (sets.length > 0) parts.push(`SET ${sets.join(', ')}`);
  if (removes.length > 0) parts.push(`REMOVE ${removes.join(', ')}`);
  const call: GuardedCall = {
    command: 'UpdateItem',
    key: keyOf(op.item, schema),
    input: { TableName: op.table, Key: keyOf(op.item, schema), ReturnConsumedCapacity: 'TOTAL' },
  };
  // Nothing changed (the staged image equals its base): still checked, nothing set.
  if (parts.length > 0) call.input.UpdateExpression = parts.join(' ');
  return finish(e, call, conditions);
}

/**
 * True when `server` (the item now, null: none) already is what the guarded write makes it: a
 * resend after an unknown outcome (dropped connection, 5xx) that fails its condition because the
 * first send was applied is then known written, not a conflict.
 */
export function alreadyApplied(op: PlanInput, server: Item | null): boolean {
  if (op.kind === 'delete') return server === null;
  if (server === null) return false;
  const base = op.guard?.base ?? {};
  for (const n of op.guard?.base ? changedNames(base, op.item) : Object.keys(op.item)) {
    const want = op.item[n];
    const got = server[n];
    if (want === undefined ? got !== undefined : got === undefined || !valuesEqual(want, got)) {
      return false;
    }
  }
  return true;
}
