/** Staged changes as the planner's inputs (shared/plan): the review pane and the executor share them. */
import { measureImage } from '../dynamo/measure';
import type { ItemMeasure } from '../dynamo/measure';
import { measuredItemSize } from '../plan/itemSize';
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
  return { change: c, op, measure: undefined };
}

// The inputs of the last call, per connection and change id, with their measurements: the review
// re-plans every staged change after each edit, and gets the same input objects back for the
// changes that stayed (so the planner reuses their figures too). Plain Maps keyed by the ids,
// rebuilt on each call, cost far less than a WeakMap entry per change; they hold the last call's
// inputs until the next call.
const lastInputs = new Map<string, Map<string, Planned>>();

/**
 * One PlanInput per change of `connectionId`, in staging order: puts and updates become full-item
 * puts, deletes go by key; `oldSize` is the replaced image's size (for the WCU estimate).
 */
export function planInputs(changes: Changes, connectionId: string): PlanInput[] {
  const before = lastInputs.get(connectionId);
  const now = new Map<string, Planned>();
  const out: PlanInput[] = [];
  for (const [id, c] of changes) {
    if (c.connectionId !== connectionId) continue;
    let p = before?.get(id);
    if (p?.change !== c) p = plannedOf(id, c);
    now.set(id, p);
    out.push(p.op);
  }
  lastInputs.set(connectionId, now);
  return out;
}

/**
 * The measurement of a put's item (see measureItem) taken by the last planInputs call of its
 * connection, for that very input; undefined when that call did not make `op`.
 */
export function inputMeasure(connectionId: string, op: PlanInput): ItemMeasure | null | undefined {
  const p = lastInputs.get(connectionId)?.get(op.id);
  return p?.op === op ? p.measure : undefined;
}

/** The same for a staged change: its image's measurement, when the last plan of it took one. */
export function changeMeasure(id: string, change: StagedChange): ItemMeasure | null | undefined {
  const p = lastInputs.get(change.connectionId)?.get(id);
  return p?.change === change ? p.measure : undefined;
}
