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
 * The operations with their write mode: afterwards, in guarded mode, every update and delete of a
 * loaded item carries a guard (its base image, the table's version attribute, the overwrite
 * choice); new items stay batch puts (checked for existence before the commit). Batch mode
 * returns the operations unchanged. Inputs are never modified.
 */
export function withGuards(
  ops: readonly PlanInput[],
  changes: Changes,
  o: GuardOptions,
): PlanInput[] {
  if (o.mode === 'batch') return [...ops];
  return ops.map((op) => {
    const c = changes.get(op.id);
    if (!c || c.kind === 'put') return op;
    const guard: Guard = { base: c.original };
    const version = o.versions?.[op.table];
    if (version !== undefined) guard.version = version;
    if (o.overwrite?.has(op.id)) guard.overwrite = true;
    return { ...op, guard };
  });
}

/** The write mode of one staged change under the commit's mode (what the review names). */
export function modeOf(kind: 'put' | 'update' | 'delete', mode: WriteMode): WriteMode {
  if (mode === 'atomic') return 'atomic';
  return mode === 'guarded' && kind !== 'put' ? 'guarded' : 'batch';
}
