/**
 * The review's validation: shared/validation's validator (the one the backend and the CLI enforce)
 * plus what the planner refused in the plan the review shows.
 */
import type { Changes, KeySchemasByRef } from '../changes/types';
import type { PlannerSession } from '../plan/session';
import { validateStaged, type IssueCache, type StagedIssue } from '../validation/staged';
import type { StagedPlan } from './planStaged';

/**
 * Every blocking issue of the staged changes, in staging order, plus what the planner refused in
 * `staged`; measured in the plan's session when there is a plan, else in `session`.
 */
export function reviewIssues(
  changes: Changes,
  keySchemas: KeySchemasByRef,
  staged: StagedPlan | undefined,
  session: PlannerSession,
  cache?: IssueCache,
): StagedIssue[] {
  const rejected = (staged?.connections ?? []).flatMap((c) => c.plan.rejected);
  return validateStaged(changes, keySchemas, {
    rejected,
    ...(cache ? { cache } : {}),
    session: staged?.session ?? session,
  });
}
