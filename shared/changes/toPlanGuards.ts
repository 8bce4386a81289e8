/** Write modes on the planner's inputs: which staged changes become guarded writes. */
import type { Guard, PlanInput, WriteMode } from '../plan/types';
import type { Changes } from './types';

export interface GuardOptions {
  mode: WriteMode;
  /** Version attribute (optimistic lock) by table name. */
  versions?: Readonly<Record<string, string>>;
  /** Change ids whose conflict the user resolved with "overwrite". */
  overwrite?: ReadonlySet<string>;
}

/**
 * The guard of change `id` on `table` under `o`: in guarded (or atomic) mode every update and
 * delete of a loaded item carries its base image, the table's version attribute and the overwrite
 * choice; new items and batch mode have none.
 */
export function guardOf(
  id: string,
  table: string,
  changes: Changes,
  o: GuardOptions,
): Guard | undefined {
  const c = changes.get(id);
  if (o.mode === 'batch' || !c || c.kind === 'put') return undefined;
  const guard: Guard = { base: c.original };
  const version = o.versions?.[table];
  if (version !== undefined) guard.version = version;
  if (o.overwrite?.has(id)) guard.overwrite = true;
  return guard;
}

/**
 * The operations with their write mode (see guardOf): new items stay batch puts (checked for
 * existence before the commit). Batch mode returns the operations unchanged. Inputs are never
 * modified.
 */
export function withGuards(
  ops: readonly PlanInput[],
  changes: Changes,
  o: GuardOptions,
): PlanInput[] {
  if (o.mode === 'batch') return [...ops];
  return ops.map((op) => {
    const guard = guardOf(op.id, op.table, changes, o);
    return guard ? { ...op, guard } : op;
  });
}

/** The write mode of one staged change under the commit's mode (what the review names). */
export function modeOf(kind: 'put' | 'update' | 'delete', mode: WriteMode): WriteMode {
  if (mode === 'atomic') return 'atomic';
  return mode === 'guarded' && kind !== 'put' ? 'guarded' : 'batch';
}
