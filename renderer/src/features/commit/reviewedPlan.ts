/** The plan the user reviewed, as commit:start carries it (see shared/plan/planId.ts). */
import type { ReviewedPlan } from '../../../../shared/contract/commit';
import { planIdentity, type PlanScope } from '../../../../shared/plan/planId';
import { stagingActions, useStagingStore } from '../../stores/stagingStore';

/**
 * The id of the plan the review shows now for `scope`, with the revision of the save that holds
 * it: resolves only once every staged action is saved (rejects when a save failed), so no commit
 * request can be made before its changes are on disk.
 */
export async function reviewedPlan(scope: PlanScope): Promise<ReviewedPlan> {
  // Taken before the wait: what the review shows at the click is what the user commits.
  const { id, operations } = planIdentity(useStagingStore.getState().staging.changes, scope);
  const stagingRevision = await stagingActions.saved();
  return { planId: id, operations, stagingRevision };
}
