/**
 * Linked operations: a delete that must wait for a put (a move's copy, a key change's new item).
 * Batches are not transactions, so the delete is sent only once its put is confirmed written.
 */
import type { PlanInput } from './types';

/** The put a delete waits for, when that put is among `puts` (ids of the operations sent). */
export function linkOf(op: PlanInput, puts: ReadonlySet<string>): string | null {
  return op.kind === 'delete' && op.after !== undefined && puts.has(op.after) ? op.after : null;
}

/**
 * `ops` with every linked delete moved after all other operations (stable otherwise): afterwards
 * no request of a packed plan holds a delete before, or beside, the put it waits for.
 */
export function linkOrder<T extends { op: PlanInput }>(ops: readonly T[]): T[] {
  const puts = new Set<string>();
  for (const o of ops) if (o.op.kind === 'put') puts.add(o.op.id);
  const free: T[] = [];
  const waiting: T[] = [];
  for (const o of ops) (linkOf(o.op, puts) === null ? free : waiting).push(o);
  return waiting.length === 0 ? free : [...free, ...waiting];
}

/**
 * Why a delete was not sent when its put was not written: afterwards the text names the put's
 * table (a move) or the new key (a key change) and carries the service's message.
 */
export function heldReason(put: PlanInput, deleteTable: string, why: string): string {
  const what =
    put.table === deleteTable
      ? 'the item at its new key was not written'
      : `the copy to ${put.table} was not written`;
  return `held: ${what}: ${why}`;
}
