/** Validation that blocks commit: every reason DynamoDB would reject a staged item, one per path. */
import { tableRef } from '../../../../shared/changes/types';
import type { Changes, KeySchemas, StagedChange } from '../../../../shared/changes/types';
import { changeMeasure } from '../../../../shared/changes/toPlan';
import { measureItem } from '../../../../shared/dynamo/measure';
import { validateItem } from '../../../../shared/dynamo/validate';
import type { IssueCode } from '../../../../shared/dynamo/validate';
import type { KeySchema } from '../../../../shared/dynamo/types';
import type { StagedPlan } from './planInputs';

export interface ReviewIssue {
  /** The change id (see changeId). */
  id: string;
  /** The attribute path, '' for the item as a whole. */
  path: string;
  code: IssueCode | 'no-schema' | 'unplannable';
  message: string;
}

// Per change object, the issues found with a schema, when finding them took the full walk or
// found some. A change in common form with none is checked again in a moment (a measurement
// lookup and its key): remembering it would cost more.
const cache = new WeakMap<StagedChange, { schema: KeySchema; issues: ReviewIssue[] }>();

const NONE: readonly ReviewIssue[] = Object.freeze([]);

/** One issue per path: a set with three duplicates reads as one message, not three. */
function firstPerPath(
  id: string,
  issues: { path: string; code: IssueCode; message: string }[],
): ReviewIssue[] {
  if (issues.length === 0) return NONE as ReviewIssue[];
  const seen = new Set<string>();
  const out: ReviewIssue[] = [];
  for (const i of issues) {
    if (seen.has(i.path)) continue;
    seen.add(i.path);
    out.push({ id, ...i });
  }
  return out;
}

/**
 * The issues of one change; deletes only need their key. Kept per change object and schema when
 * finding them took the full walk, or found some.
 */
export function changeIssues(
  id: string,
  change: StagedChange,
  schema: KeySchema | undefined,
): ReviewIssue[] {
  if (!schema) {
    const message = `The key schema of ${change.table} is not known yet; open the table to load it.`;
    return [{ id, path: '', code: 'no-schema', message }];
  }
  const hit = cache.get(change);
  if (hit && hit.schema === schema) return hit.issues;
  const image = change.kind === 'delete' ? change.key : change.item;
  // The plan measured the image already (see planInputs), or measureItem does now.
  let measured = change.kind === 'delete' ? undefined : changeMeasure(id, change);
  if (measured === undefined) measured = measureItem(image);
  let issues = firstPerPath(id, validateItem(image, schema, measured));
  // A delete sends only its key: its other attributes never reach DynamoDB.
  if (change.kind === 'delete') issues = issues.filter((i) => i.code.startsWith('key-'));
  if (issues.length > 0 || !measured) cache.set(change, { schema, issues });
  return issues;
}

/** Every blocking issue of the staged changes, in staging order, plus what the planner refused. */
export function validateStaged(
  changes: Changes,
  keySchemas: KeySchemas,
  staged?: StagedPlan,
): ReviewIssue[] {
  const out: ReviewIssue[] = [];
  const flagged = new Set<string>();
  // Changes come in runs of one table: look its schema up once a run, not once a change.
  let connectionId: string | undefined;
  let table: string | undefined;
  let schema: KeySchema | undefined;
  for (const [id, change] of changes) {
    if (change.connectionId !== connectionId || change.table !== table) {
      ({ connectionId, table } = change);
      schema = keySchemas[tableRef(connectionId, table)];
    }
    const issues = changeIssues(id, change, schema);
    if (issues.length === 0) continue;
    flagged.add(id);
    for (const i of issues) out.push(i);
  }
  for (const c of staged?.connections ?? []) {
    for (const r of c.plan.rejected) {
      if (flagged.has(r.id)) continue; // already explained above, more precisely
      out.push({
        id: r.id,
        path: '',
        code: 'unplannable',
        message: `Cannot be sent: ${r.reason}.`,
      });
    }
  }
  return out;
}
