/** Staged changes as the planner's inputs (shared/plan): the review pane and the executor share them. */
import type { ItemMeasure } from '../dynamo/measure';
import { Carry } from '../plan/carry';
import { PlannerSession, type PlannedInput } from '../plan/session';
import type { PlanInput } from '../plan/types';
import type { Changes, StagedChange } from './types';

function plannedOf(session: PlannerSession, id: string, c: StagedChange): PlannedInput {
  const { measurer } = session;
  if (c.kind === 'put') {
    const op: PlanInput = { id, table: c.table, kind: 'put', item: c.item };
    return { change: c, op, measure: measurer.measureImage(c.item, undefined) };
  }
  const oldSize = measurer.itemSize(c.original);
  if (c.kind === 'update') {
    // The new image shares most value objects with its original: measured relative to it, only
    // the edited values are walked.
    const op: PlanInput = { id, table: c.table, kind: 'put', item: c.item, oldSize };
    return { change: c, op, measure: measurer.measureImage(c.item, c.original) };
  }
  const op: PlanInput = { id, table: c.table, kind: 'delete', key: c.key, oldSize };
  if (c.after !== undefined) op.after = c.after;
  return { change: c, op, measure: undefined };
}

/**
 * One PlanInput per change of `connectionId`, in staging order: puts and updates become full-item
 * puts, deletes go by key; `oldSize` is the replaced image's size (for the WCU estimate).
 *
 * The session keeps this call's inputs with their measurements: the review re-plans every staged
 * change after each edit, and gets the same input objects back for the changes that stayed (so
 * the planner reuses their figures too), found by position (see Carry). Without a session the
 * call stands alone.
 */
export function planInputs(
  changes: Changes,
  connectionId: string,
  session: PlannerSession = new PlannerSession(),
): PlanInput[] {
  let carry = session.inputs.get(connectionId);
  if (!carry) session.inputs.set(connectionId, (carry = new Carry()));
  carry.begin();
  const out: PlanInput[] = [];
  changes.forEach((c, id) => {
    if (c.connectionId !== connectionId) return;
    let p = carry.find(id);
    if (p?.change !== c) p = plannedOf(session, id, c);
    carry.keep(id, p);
    out.push(p.op);
  });
  carry.end();
  session.reads.delete(connectionId);
  return out;
}

/**
 * The measurement of a put's item (see measureItem) taken by the session's last planInputs call of
 * its connection, for that very input, the `index`th it returned; undefined when that call did
 * not make `op`.
 */
export function inputMeasure(
  session: PlannerSession,
  connectionId: string,
  op: PlanInput,
  index: number,
): ItemMeasure | null | undefined {
  const p = session.inputs.get(connectionId)?.last[index];
  return p?.op === op ? p.measure : undefined;
}

/**
 * The same for a staged change: its image's measurement, when the session's last plan of it took
 * one. Looked up by position first (the review asks in staging order), by a map built on the
 * first miss otherwise.
 */
export function changeMeasure(
  session: PlannerSession,
  id: string,
  change: StagedChange,
): ItemMeasure | null | undefined {
  const planned = session.inputs.get(change.connectionId)?.last;
  if (!planned) return undefined;
  let r = session.reads.get(change.connectionId);
  if (!r) session.reads.set(change.connectionId, (r = { at: 0, byChange: null }));
  let p: PlannedInput | undefined = planned[r.at];
  if (p?.change === change) r.at++;
  else {
    r.byChange ??= new Map(planned.map((x) => [x.change, x]));
    p = r.byChange.get(change);
  }
  return p && p.op.id === id ? p.measure : undefined;
}
