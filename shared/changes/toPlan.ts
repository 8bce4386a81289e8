/** Staged changes as the planner's inputs (shared/plan): the review pane and the executor share them. */
import { measureImage } from '../dynamo/measure';
import type { ItemMeasure } from '../dynamo/measure';
import { measuredItemSize } from '../plan/itemSize';
import { Carry } from '../plan/carry';
import type { PlanInput } from '../plan/types';
import type { Changes, StagedChange } from './types';

interface Planned {
  change: StagedChange;
  op: PlanInput;
  /** The measurement of a put's item (measureImage), null when not in common form. */
  measure: ItemMeasure | null | undefined;
}

function plannedOf(id: string, c: StagedChange): Planned {
  if (c.kind === 'put') {
    const op: PlanInput = { id, table: c.table, kind: 'put', item: c.item };
    return { change: c, op, measure: measureImage(c.item, undefined) };
  }
  const oldSize = measuredItemSize(c.original);
  if (c.kind === 'update') {
    // The new image shares most value objects with its original: measured relative to it, only
    // the edited values are walked.
    const op: PlanInput = { id, table: c.table, kind: 'put', item: c.item, oldSize };
    return { change: c, op, measure: measureImage(c.item, c.original) };
  }
  const op: PlanInput = { id, table: c.table, kind: 'delete', key: c.key, oldSize };
  if (c.after !== undefined) op.after = c.after;
  return { change: c, op, measure: undefined };
}

// The inputs of the last call per connection, with their measurements: the review re-plans every
// staged change after each edit, and gets the same input objects back for the changes that stayed
// (so the planner reuses their figures too), found by position (see Carry).
const lastInputs = new Map<string, Carry<string, Planned>>();

/**
 * One PlanInput per change of `connectionId`, in staging order: puts and updates become full-item
 * puts, deletes go by key; `oldSize` is the replaced image's size (for the WCU estimate).
 */
export function planInputs(changes: Changes, connectionId: string): PlanInput[] {
  let carry = lastInputs.get(connectionId);
  if (!carry) lastInputs.set(connectionId, (carry = new Carry()));
  carry.begin();
  const out: PlanInput[] = [];
  changes.forEach((c, id) => {
    if (c.connectionId !== connectionId) return;
    let p = carry.find(id);
    if (p?.change !== c) p = plannedOf(id, c);
    carry.keep(id, p);
    out.push(p.op);
  });
  carry.end();
  reads.delete(connectionId);
  return out;
}

/**
 * The measurement of a put's item (see measureItem) taken by the last planInputs call of its
 * connection, for that very input, the `index`th it returned; undefined when that call did not
 * make `op`.
 */
export function inputMeasure(
  connectionId: string,
  op: PlanInput,
  index: number,
): ItemMeasure | null | undefined {
  const p = lastInputs.get(connectionId)?.last[index];
  return p?.op === op ? p.measure : undefined;
}

// Lookups of the last call's inputs by change, for changeMeasure: by position first (the review
// asks in staging order), by a map built on the first miss otherwise.
const reads = new Map<string, { at: number; byChange: Map<StagedChange, Planned> | null }>();

/** The same for a staged change: its image's measurement, when the last plan of it took one. */
export function changeMeasure(id: string, change: StagedChange): ItemMeasure | null | undefined {
  const planned = lastInputs.get(change.connectionId)?.last;
  if (!planned) return undefined;
  let r = reads.get(change.connectionId);
  if (!r) reads.set(change.connectionId, (r = { at: 0, byChange: null }));
  let p: Planned | undefined = planned[r.at];
  if (p?.change === change) r.at++;
  else {
    r.byChange ??= new Map(planned.map((x) => [x.change, x]));
    p = r.byChange.get(change);
  }
  return p && p.op.id === id ? p.measure : undefined;
}
