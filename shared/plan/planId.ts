/**
 * The id of a commit's plan: what the review showed (the operations and the options that change
 * them), hashed in a canonical form so that the backend, recomputing it from the saved staging,
 * gets the same id exactly when it would write the same thing.
 */
import { modeOf } from '../changes/toPlanGuards';
import type { Changes, StagedChange } from '../changes/types';
import { feedCanonical, PlanHasher } from './planHash';
import type { WriteMode } from './types';

/** What a commit request says about its plan (the parts of commit:start that change it). */
export interface PlanScope {
  connectionId: string;
  /** Only these change ids (default: every staged change of the connection). */
  changeIds?: readonly string[];
  resolutions?: Readonly<Record<string, 'overwrite' | 'skip'>>;
  options?: {
    mode?: WriteMode;
    atomicScope?: 'group' | 'all';
    conditionChecks?: readonly { table: string; key: unknown; expect: string }[];
    versionAttributes?: Readonly<Record<string, string>>;
  };
}

export interface PlanIdentity {
  /** 'p' and 32 hex digits. */
  id: string;
  /** How many operations the plan has (one per staged change in scope). */
  operations: number;
}

/** The staged changes a request covers: its connection's, only `changeIds` when given. */
export function changesInScope(changes: Changes, scope: PlanScope): [string, StagedChange][] {
  const wanted = scope.changeIds ? new Set(scope.changeIds) : null;
  const out: [string, StagedChange][] = [];
  for (const [id, c] of changes) {
    if (c.connectionId === scope.connectionId && (!wanted || wanted.has(id))) out.push([id, c]);
  }
  return out;
}

/** One operation as it is hashed: what it writes, what it is conditioned on, how it is sent. */
function opOf(id: string, c: StagedChange, scope: PlanScope, mode: WriteMode) {
  const version = mode === 'batch' ? undefined : scope.options?.versionAttributes?.[c.table];
  return {
    id,
    table: c.table,
    kind: c.kind,
    key: c.key,
    item: c.kind === 'delete' ? undefined : c.item,
    base: c.kind === 'put' ? null : c.original,
    after: c.kind === 'delete' ? c.after : undefined,
    write: modeOf(c.kind, mode),
    version,
    resolution: scope.resolutions?.[id],
  };
}

/**
 * The plan id of `scope` over `changes`: equal for two calls exactly when they cover the same
 * operations (table, key, kind, images, links, conditions, write mode) under the same plan-changing
 * options, whatever the order of the changes or of the attributes in their items.
 */
export function planIdentity(changes: Changes, scope: PlanScope): PlanIdentity {
  const mode = scope.options?.mode ?? 'guarded';
  const inScope = changesInScope(changes, scope).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const h = new PlanHasher();
  feedCanonical(h, {
    connectionId: scope.connectionId,
    mode,
    atomicScope: mode === 'atomic' ? (scope.options?.atomicScope ?? 'group') : undefined,
    // Only the fields the backend's schema keeps: extra ones on the renderer's side are no change.
    conditionChecks:
      mode === 'atomic'
        ? (scope.options?.conditionChecks ?? []).map(({ table, key, expect }) => ({
            table,
            key,
            expect,
          }))
        : undefined,
    versionAttributes: mode === 'batch' ? undefined : (scope.options?.versionAttributes ?? {}),
  });
  for (const [id, c] of inScope) {
    h.update('\n');
    feedCanonical(h, opOf(id, c, scope, mode));
  }
  return { id: `p${h.digest()}`, operations: inScope.length };
}
