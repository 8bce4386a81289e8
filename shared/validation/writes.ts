/**
 * The same validation for writes as they are sent (the CLI's change lines, the backend's plan
 * inputs), with each problem named by its table, key and attribute.
 */
import { formatValue } from '../dynamo/format';
import { keyOf, type Item, type KeySchema } from '../dynamo/types';
import { validateItem, type IndexKeys, type IssueCode } from '../dynamo/validate';
import { firstPerPath } from './staged';

/** A write as validation needs it: a full-item put, or a delete by key. */
export type WriteToCheck =
  | { id: string; table: string; kind: 'put'; item: Item }
  | { id: string; table: string; kind: 'delete'; key: Item };

/** What validation knows of a table: its key, and its secondary indexes when described. */
export interface TableShape {
  key: KeySchema;
  indexes?: readonly IndexKeys[];
}

export interface WriteIssue {
  /** The write's id (a change id, or the CLI's "line N"). */
  id: string;
  table: string;
  /** The key attributes the write names (those present). */
  key: Item;
  /** The attribute path, '' for the item as a whole. */
  path: string;
  code: IssueCode | 'no-schema';
  message: string;
}

/** Every reason DynamoDB would reject one of `writes`, in their order; empty when all are valid. */
export function validateWrites(
  writes: Iterable<WriteToCheck>,
  tables: Readonly<Record<string, TableShape>>,
): WriteIssue[] {
  const out: WriteIssue[] = [];
  for (const w of writes) {
    const shape = tables[w.table];
    const image = w.kind === 'put' ? w.item : w.key;
    if (!shape) {
      const message = `The key schema of ${w.table} is not known.`;
      out.push({ id: w.id, table: w.table, key: image, path: '', code: 'no-schema', message });
      continue;
    }
    let issues = validateItem(
      image,
      shape.key,
      undefined,
      w.kind === 'put' ? shape.indexes : undefined,
    );
    // A delete sends only its key.
    if (w.kind === 'delete') issues = issues.filter((i) => i.code.startsWith('key-'));
    const key = keyOf(image, shape.key);
    for (const i of firstPerPath(issues)) out.push({ id: w.id, table: w.table, key, ...i });
  }
  return out;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** "ticketId=T-1, at=5": the key as a person reads it ("(no key)" when it has none). */
export function keyText(key: Item): string {
  const parts = Object.entries(key).map(([name, v]) => `${name}=${clip(formatValue(v))}`);
  return parts.length > 0 ? parts.join(', ') : '(no key)';
}

/** One line per issue: "Table [key] (id): message"; the message names the attribute. */
export function describeWriteIssues(issues: readonly WriteIssue[], withIds = true): string[] {
  return issues.map(
    (i) => `${i.table} [${keyText(i.key)}]${withIds ? ` (${i.id})` : ''}: ${i.message}`,
  );
}

/** The error thrown when writes are refused before anything is sent. */
export class InvalidWritesError extends Error {
  // The hosts pass 'BadInput' through with its message: the answer lists every problem.
  override readonly name = 'BadInput';
  constructor(
    readonly issues: readonly WriteIssue[],
    withIds = true,
  ) {
    const lines = describeWriteIssues(issues, withIds);
    const n = issues.length;
    super(
      `Nothing was sent: ${n} ${n === 1 ? 'problem' : 'problems'} DynamoDB would reject.\n` +
        lines.join('\n'),
    );
  }
}
