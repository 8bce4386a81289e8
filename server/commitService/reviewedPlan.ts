/**
 * The commit takes what the review showed: the plan rebuilt from the saved staging must have the
 * id the user reviewed, or nothing is read or written.
 */
import type { Changes, StagedChange } from '../../shared/changes/types';
import type { ReviewedPlan } from '../../shared/contract/commit';
import { planIdentity, type PlanScope } from '../../shared/plan/planId';
import type { StagingStore } from '../staging/store';

/** Refusal of a commit whose saved plan is not the reviewed one; the hosts pass its message on. */
export class PlanChangedError extends Error {
  override readonly name = 'PlanChanged';
}

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'operation' : 'operations'}`;

/**
 * Waits until the revision the review's save was acknowledged with is applied, then returns the
 * connection's saved changes; throws PlanChangedError (before any read or write) when that
 * revision never came or when the plan they make differs from `reviewed`.
 */
export async function savedPlanAsReviewed(
  staging: StagingStore,
  scope: PlanScope,
  reviewed: ReviewedPlan,
): Promise<Map<string, StagedChange>> {
  const revision = await staging.savedRevision();
  if (reviewed.stagingRevision > revision) {
    throw new PlanChangedError(
      `The staged changes you reviewed are not saved here (your last save was revision ${reviewed.stagingRevision}, the backend has ${revision}; it may have restarted). Nothing was committed: reload and review again.`,
    );
  }
  const changes = await staging.changesOf(scope.connectionId);
  checkPlan(changes, scope, reviewed, revision);
  return changes;
}

/** Throws PlanChangedError unless `changes` make the plan `reviewed` names. */
export function checkPlan(changes: Changes, scope: PlanScope, reviewed: ReviewedPlan, revision: number): void {
  const saved = planIdentity(changes, scope);
  if (saved.id === reviewed.planId) return;
  const counts =
    saved.operations === reviewed.operations
      ? `the same number of operations (${count(saved.operations)}), but not the same ones`
      : `reviewed ${count(reviewed.operations)}, saved ${count(saved.operations)}`;
  const since =
    revision > reviewed.stagingRevision ? ' Changes were staged elsewhere since your review.' : '';
  throw new PlanChangedError(
    `The staged changes differ from what you reviewed (${counts}).${since} Nothing was committed and everything stays staged: review again, then commit.`,
  );
}
