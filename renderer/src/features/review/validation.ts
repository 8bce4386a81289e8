/**
 * The review's validation: shared/validation's validator (the one the backend and the CLI enforce),
 * with the planner's refusals and one issue cache for the life of the page.
 */
import type { Changes, KeySchemas, StagedChange } from '../../../../shared/changes/types';
import type { KeySchema } from '../../../../shared/dynamo/types';
import {
  changeIssues as sharedChangeIssues,
  IssueCache,
  validateStaged as sharedValidateStaged,
  type StagedIssue,
} from '../../../../shared/validation/staged';
import { plannerSession } from '../../stores/plannerSession';
import type { StagedPlan } from './planInputs';

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
  keySchemas: KeySchemas,
  staged?: StagedPlan,
): ReviewIssue[] {
  const rejected = (staged?.connections ?? []).flatMap((c) => c.plan.rejected);
  return sharedValidateStaged(changes, keySchemas, {
    rejected,
    cache,
    session: staged?.session ?? plannerSession,
  });
}
