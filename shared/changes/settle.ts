/** Folds a commit's outcome back into the staging area. */
import { itemsEqual } from '../dynamo/equal';
import { emptyHistory } from './history';
import type { History } from './history';
import type { StagedChange, StagingState } from './types';

/** What a commit did, by change id: the changes as they were sent, and why some failed. */
export interface CommitOutcome {
  committed: Readonly<Record<string, StagedChange>>;
  failed: Readonly<Record<string, string>>;
}

function sameContent(a: StagedChange, b: StagedChange): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'delete' || b.kind === 'delete') return true;
  return itemsEqual(a.item, b.item);
}

/**
 * After the call, committed changes have left the state (unless edited again meanwhile), failed
 * ones carry their reason, and history is empty: undo cannot reach across a commit, whose writes
 * made the staged originals stale.
 */
export function settleCommit(
  state: StagingState,
  outcome: CommitOutcome,
): { state: StagingState; history: History } {
  const changes = new Map(state.changes);
  for (const [id, sent] of Object.entries(outcome.committed)) {
    const now = changes.get(id);
    if (now && sameContent(now, sent)) changes.delete(id);
  }
  for (const [id, reason] of Object.entries(outcome.failed)) {
    const now = changes.get(id);
    if (now) changes.set(id, { ...now, error: reason });
  }
  return { state: { changes }, history: emptyHistory };
}
