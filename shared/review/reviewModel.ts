/** What the review pane lists: staged changes filtered by kind and table, with their diffs. */
import { diffItem } from '../changes/diff';
import { itemMatches } from '../query/textFilter';
import type { AttributeDiff } from '../changes/diff';
import { tableRef } from '../changes/types';
import type { Changes, PutChange, StagedChange } from '../changes/types';

export type ChangeKind = StagedChange['kind'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['put', 'update', 'delete'];

export interface ReviewFilter {
  /** Kinds to show; empty shows every kind. */
  kinds: readonly ChangeKind[];
  /** tableRef of the table to show, or null for every table. */
  table: string | null;
  /** A key or any value (nested included) must match; filters combine with AND. */
  search?: RegExp | null;
}

export interface ReviewEntry {
  id: string;
  change: StagedChange;
  /** For the delete half of a move: the put into the other table (one card for both). */
  moved?: { id: string; change: PutChange };
}

/**
 * The staged changes the filter lets through, in staging order; a move (see pairMoves: delete id
 * -> put id) is one entry on its delete, let through when either half is.
 */
export function reviewEntries(
  changes: Changes,
  filter: ReviewFilter,
  moves: ReadonlyMap<string, string> = new Map(),
): ReviewEntry[] {
  const kinds = filter.kinds.length ? new Set(filter.kinds) : null;
  const puts = new Set(moves.values());
  const re = filter.search ?? null;
  const found = (c: StagedChange) =>
    !re || itemMatches(c.key, re) || itemMatches(c.kind === 'delete' ? c.original : c.item, re);
  const passes = (c: StagedChange) =>
    (!kinds || kinds.has(c.kind)) &&
    (filter.table === null || tableRef(c.connectionId, c.table) === filter.table) &&
    found(c);
  const out: ReviewEntry[] = [];
  for (const [id, change] of changes) {
    if (puts.has(id)) continue;
    const putId = moves.get(id);
    const put = putId === undefined ? undefined : changes.get(putId);
    if (put?.kind === 'put' && putId !== undefined) {
      if (passes(change) || passes(put))
        out.push({ id, change, moved: { id: putId, change: put } });
    } else if (passes(change)) out.push({ id, change });
  }
  return out;
}

export interface StagedTable {
  ref: string;
  connectionId: string;
  table: string;
  count: number;
}

/** Every table with staged changes, with how many, in order of first change. */
export function stagedTables(changes: Changes): StagedTable[] {
  const tables = new Map<string, StagedTable>();
  for (const c of changes.values()) {
    const ref = tableRef(c.connectionId, c.table);
    const t = tables.get(ref);
    if (t) t.count++;
    else tables.set(ref, { ref, connectionId: c.connectionId, table: c.table, count: 1 });
  }
  return [...tables.values()];
}

/** How many changes of each kind are staged. */
export function kindCounts(changes: Changes): Record<ChangeKind, number> {
  const counts = { put: 0, update: 0, delete: 0 };
  for (const c of changes.values()) counts[c.kind]++;
  return counts;
}

/** The attribute diff of one change: an update against its original, a put as all added, a delete as all removed. */
export function diffOfChange(change: StagedChange): AttributeDiff[] {
  if (change.kind === 'put') return diffItem(undefined, change.item);
  if (change.kind === 'update') return diffItem(change.original, change.item);
  return diffItem(change.original, undefined);
}

/**
 * diffOfChange with memory per change object (staging never mutates one): the caller keeps the
 * function for as long as the diffs serve it (the review: the page's life).
 */
export function createChangeDiff(): (change: StagedChange) => AttributeDiff[] {
  const diffs = new WeakMap<StagedChange, AttributeDiff[]>();
  return (change) => {
    let d = diffs.get(change);
    if (!d) {
      d = diffOfChange(change);
      diffs.set(change, d);
    }
    return d;
  };
}

/** "ticketId=T-1 · n=3": the key as one short line. */
export function keyLabel(change: StagedChange): string {
  return Object.entries(change.key)
    .map(([name, v]) => {
      const text = 'S' in v ? v.S : 'N' in v ? v.N : 'B' in v ? v.B : JSON.stringify(v);
      return `${name}=${text.length > 60 ? text.slice(0, 57) + '…' : text}`;
    })
    .join(' · ');
}
