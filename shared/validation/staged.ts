/**
 * Validation that blocks a commit, for staged changes: every reason DynamoDB would reject a staged
 * item, one per path. The review pane shows these; the backend refuses to send while any is open.
 */
import { changeMeasure } from '../changes/toPlan';
import { tableRef, type Changes, type KeySchemasByRef, type StagedChange } from '../changes/types';
import { measureItemUncached } from '../dynamo/measure';
import type { PlannerSession } from '../plan/session';
import type { KeySchema } from '../dynamo/types';
import { validateItem, type IndexKeys, type IssueCode } from '../dynamo/validate';

export interface StagedIssue {
  /** The change id (see changeId). */
  id: string;
  /** The attribute path, '' for the item as a whole. */
  path: string;
  code: IssueCode | 'no-schema' | 'unplannable';
  message: string;
}

/** Secondary index keys by tableRef(connectionId, table), where the caller knows them. */
export type IndexSchemas = Readonly<Record<string, readonly IndexKeys[]>>;

const NONE: readonly StagedIssue[] = Object.freeze([]);

/**
 * Issues already found, per change object and schema: kept by the caller (the review keeps one
 * for its lifetime), so a re-validation after one edit walks only the changed items.
 */
export class IssueCache {
  private readonly byChange = new WeakMap<
    StagedChange,
    { schema: KeySchema; indexes: readonly IndexKeys[] | undefined; issues: StagedIssue[] }
  >();

  get(change: StagedChange, schema: KeySchema, indexes: readonly IndexKeys[] | undefined) {
    const hit = this.byChange.get(change);
    return hit && hit.schema === schema && hit.indexes === indexes ? hit.issues : undefined;
  }

  set(
    change: StagedChange,
    schema: KeySchema,
    indexes: readonly IndexKeys[] | undefined,
    issues: StagedIssue[],
  ): void {
    this.byChange.set(change, { schema, indexes, issues });
  }
}

/** One issue per path: a set with three duplicates reads as one message, not three. */
export function firstPerPath<T extends { path: string }>(issues: T[]): T[] {
  if (issues.length <= 1) return issues;
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path) && (seen.add(i.path), true));
}

/**
 * The issues of one change (deletes only need their key): empty when DynamoDB would accept it.
 * With a cache, the answer is kept when finding it took the full walk or found something.
 */
export function changeIssues(
  id: string,
  change: StagedChange,
  schema: KeySchema | undefined,
  cache?: IssueCache,
  indexes?: readonly IndexKeys[],
  session?: PlannerSession,
): StagedIssue[] {
  if (!schema) {
    const message = `The key schema of ${change.table} is not known yet; open the table to load it.`;
    return [{ id, path: '', code: 'no-schema', message }];
  }
  const hit = cache?.get(change, schema, indexes);
  if (hit) return hit;
  const image = change.kind === 'delete' ? change.key : change.item;
  // The session's plan measured the image already (see planInputs), or the walk does now.
  let measured =
    change.kind === 'delete' || !session ? undefined : changeMeasure(session, id, change);
  if (measured === undefined) {
    measured = session ? session.measurer.measureItem(image) : measureItemUncached(image);
  }
  const found = validateItem(
    image,
    schema,
    measured,
    change.kind === 'delete' ? undefined : indexes,
  );
  let issues =
    found.length === 0 ? (NONE as StagedIssue[]) : firstPerPath(found).map((i) => ({ id, ...i }));
  // A delete sends only its key: its other attributes never reach DynamoDB.
  if (change.kind === 'delete') issues = issues.filter((i) => i.code.startsWith('key-'));
  // A change in common form with no issue is checked again in a moment: remembering costs more.
  if (cache && (issues.length > 0 || !measured)) cache.set(change, schema, indexes, issues);
  return issues;
}

export interface ValidateStagedOptions {
  /** Operations the planner could not place, reported when nothing more precise explains them. */
  rejected?: Iterable<{ id: string; reason: string }>;
  cache?: IssueCache;
  indexes?: IndexSchemas;
  /** The planner session whose last plan measured these changes (the review's). */
  session?: PlannerSession;
}

/** Every blocking issue of the staged changes, in staging order, then what the planner refused. */
export function validateStaged(
  changes: Changes,
  keySchemas: KeySchemasByRef,
  options: ValidateStagedOptions = {},
): StagedIssue[] {
  const out: StagedIssue[] = [];
  const flagged = new Set<string>();
  // Changes come in runs of one table: look its schema up once a run, not once a change.
  let connectionId: string | undefined;
  let table: string | undefined;
  let schema: KeySchema | undefined;
  let indexes: readonly IndexKeys[] | undefined;
  for (const [id, change] of changes) {
    if (change.connectionId !== connectionId || change.table !== table) {
      ({ connectionId, table } = change);
      const ref = tableRef(connectionId, table);
      schema = keySchemas[ref];
      indexes = options.indexes?.[ref];
    }
    const issues = changeIssues(id, change, schema, options.cache, indexes, options.session);
    if (issues.length === 0) continue;
    flagged.add(id);
    for (const i of issues) out.push(i);
  }
  for (const r of options.rejected ?? []) {
    if (flagged.has(r.id)) continue; // already explained above, more precisely
    out.push({ id: r.id, path: '', code: 'unplannable', message: `Cannot be sent: ${r.reason}.` });
  }
  return out;
}
