/** Staged changes as the planner's inputs (shared/plan): the review pane and the executor share them. */
import { measuredItemSize } from '../plan/itemSize';
import type { PlanInput } from '../plan/types';
import type { StagedChange } from './types';

// Staged changes are immutable: one change object always plans to the same input, and reusing
// that input object lets the planner reuse its measurement (see sizeOp).
const inputs = new WeakMap<StagedChange, PlanInput>();

function inputOf(id: string, c: StagedChange): PlanInput {
  const hit = inputs.get(c);
  if (hit && hit.id === id) return hit;
  let op: PlanInput;
  if (c.kind === 'put') op = { id, table: c.table, kind: 'put', item: c.item };
  else if (c.kind === 'update') {
    op = { id, table: c.table, kind: 'put', item: c.item, oldSize: measuredItemSize(c.original) };
  } else
    op = { id, table: c.table, kind: 'delete', key: c.key, oldSize: measuredItemSize(c.original) };
  inputs.set(c, op);
  return op;
}

/**
 * One PlanInput per change of `connectionId`, in staging order: puts and updates become full-item
 * puts, deletes go by key; `oldSize` is the replaced image's size (for the WCU estimate).
 */
export function planInputs(
  changes: Readonly<Record<string, StagedChange>>,
  connectionId: string,
): PlanInput[] {
  const out: PlanInput[] = [];
  for (const id in changes) {
    const c = changes[id] as StagedChange;
    if (c.connectionId !== connectionId) continue;
    out.push(inputOf(id, c));
  }
  return out;
}
