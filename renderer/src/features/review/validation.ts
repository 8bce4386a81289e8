/**
 * The review's validation (shared/review/reviewIssues) bound to the page's planner session and one
 * issue cache for the life of the page.
 */
import type { Changes, KeySchemasByRef, StagedChange } from '../../../../shared/changes/types';
import type { KeySchema } from '../../../../shared/dynamo/types';
import { reviewIssues } from '../../../../shared/review/reviewIssues';
import type { StagedPlan } from '../../../../shared/review/planStaged';
import {
  changeIssues as sharedChangeIssues,
  IssueCache,
  type StagedIssue,
} from '../../../../shared/validation/staged';
import { plannerSession } from '../../stores/plannerSession';

export type ReviewIssue = StagedIssue;

const cache = new IssueCache();

/** The issues of one change; deletes only need their key. */
export function changeIssues(
  id: string,
  change: StagedChange,
  schema: KeySchema | undefined,
): ReviewIssue[] {
  return sharedChangeIssues(id, change, schema, cache, undefined, plannerSession);
}

/** Every blocking issue of the staged changes, in staging order, plus what the planner refused. */
export function validateStaged(
  changes: Changes,
  keySchemas: KeySchemasByRef,
  staged?: StagedPlan,
): ReviewIssue[] {
  return reviewIssues(changes, keySchemas, staged, plannerSession, cache);
}
