/** Bulk edits on many items as one batch: one undo step, only items that actually change. */
import type { Edit, ItemTarget } from '../changes/types';
import { valuesEqual } from '../dynamo/equal';
import { keyNames } from '../dynamo/types';
import type { AttributeValue, Item, KeySchema } from '../dynamo/types';

export type BulkOp =
  | { kind: 'set'; name: string; value: AttributeValue }
  | { kind: 'remove'; name: string }
  | { kind: 'rename'; from: string; to: string; overwrite: boolean }
  | { kind: 'replace'; name: string; find: string; replace: string; matchCase: boolean };

/** An item a bulk edit may touch: where the edit goes, and the image the user sees now. */
export interface BulkTarget {
  target: ItemTarget;
  current: Item | undefined;
}

export interface BulkResult {
  /** One batch edit, or null when no item would change. */
  edit: Edit | null;
  changed: number;
  /** Items left as they were, by reason ("has no status"). */
  skipped: { reason: string; count: number }[];
}

/**
 * Null when `op` may run on items of a table with `keySchema`; otherwise why not. Key attributes
 * are refused: one value for many items would collapse them onto one key.
 */
export function checkBulkOp(op: BulkOp, keySchema: KeySchema): string | null {
  const keys = keyNames(keySchema);
  const names = op.kind === 'rename' ? [op.from, op.to] : [op.name];
  if (names.some((n) => n === '')) return 'Give the attribute a name.';
  const key = names.find((n) => keys.includes(n));
  if (key !== undefined)
    return `${key} is a key attribute; bulk edits leave keys alone (edit them one by one).`;
  if (op.kind === 'rename' && op.from === op.to) return 'The new name is the old name.';
  if (op.kind === 'replace' && op.find === '') return 'Say what to find.';
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class Skips {
  private readonly counts = new Map<string, number>();
  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }
  list(): { reason: string; count: number }[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

/**
 * The batch that applies `op` to every target: set overwrites (or adds) the attribute, remove
 * drops it, rename moves a value to a new name, replace rewrites text inside a string (S)
 * attribute. Items the op would not change are skipped and counted by reason.
 */
export function buildBulkEdit(
  op: BulkOp,
  targets: readonly BulkTarget[],
  keySchema: KeySchema,
): BulkResult {
  const refused = checkBulkOp(op, keySchema);
  if (refused)
    return { edit: null, changed: 0, skipped: [{ reason: refused, count: targets.length }] };
  const skips = new Skips();
  const edits: Edit[] = [];
  const pattern =
    op.kind === 'replace' ? new RegExp(escapeRegExp(op.find), op.matchCase ? 'g' : 'gi') : null;
  for (const { target, current } of targets) {
    if (!current) {
      skips.add('not loaded');
      continue;
    }
    switch (op.kind) {
      case 'set': {
        const was = current[op.name];
        if (was !== undefined && valuesEqual(was, op.value)) skips.add('already has that value');
        else edits.push({ type: 'setAttribute', target, name: op.name, value: op.value });
        break;
      }
      case 'remove':
        if (current[op.name] === undefined) skips.add(`has no ${op.name}`);
        else edits.push({ type: 'removeAttribute', target, name: op.name });
        break;
      case 'rename': {
        const value = current[op.from];
        if (value === undefined) skips.add(`has no ${op.from}`);
        else if (current[op.to] !== undefined && !op.overwrite) skips.add(`already has ${op.to}`);
        else {
          const item: Item = { ...current, [op.to]: value };
          delete item[op.from];
          edits.push({ type: 'replaceItem', target, item });
        }
        break;
      }
      case 'replace': {
        const value = current[op.name];
        if (value === undefined) skips.add(`has no ${op.name}`);
        else if (!('S' in value)) skips.add(`${op.name} is not a string`);
        else {
          const next = value.S.replace(pattern as RegExp, () => op.replace);
          if (next === value.S) skips.add(`${op.name} does not contain the text`);
          else edits.push({ type: 'setAttribute', target, name: op.name, value: { S: next } });
        }
        break;
      }
    }
  }
  return {
    edit: edits.length ? { type: 'batch', edits } : null,
    changed: edits.length,
    skipped: skips.list(),
  };
}

/** Reads every page of a query, reporting the running count; stops early when `signal` aborts. */
export async function collectPages(
  pages: AsyncIterable<readonly Item[]>,
  onCount: (n: number) => void,
  signal?: AbortSignal,
): Promise<Item[]> {
  const out: Item[] = [];
  for await (const page of pages) {
    if (signal?.aborted) break;
    for (const item of page) out.push(item);
    onCount(out.length);
  }
  return out;
}
