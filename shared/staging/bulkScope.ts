/**
 * What a bulk action on the selected rows acts on and what it leaves out, with the reason for each
 * left-out row: the dialogs say both, count first, so nothing is touched (or skipped) unseen.
 */
import type { RowStatus } from '../changes/gridView';

export type BulkKind = 'delete' | 'duplicate' | 'copy' | 'move' | 'bulkSelection';
export type LeftOutReason = 'hidden' | 'deleted' | 'notInQuery';

/** What the grid knows of one selected row. */
export interface ScopeRow {
  id: string;
  status: RowStatus | undefined;
  /** Passes the quick filter (is on screen, scrolled or not). */
  shown: boolean;
  /** For a new row: whether the query the grid shows would return it. */
  matchesQuery: boolean;
}

export interface LeftOut {
  reason: LeftOutReason;
  ids: string[];
}

export interface BulkScope {
  /** Row ids the action acts on, in grid order. */
  ids: string[];
  /** Rows left out, grouped by reason (only reasons that apply), in REASON order. */
  leftOut: LeftOut[];
}

const ORDER: readonly LeftOutReason[] = ['hidden', 'deleted', 'notInQuery'];

/** Why a row is left out of `kind`, or null when the action takes it. */
function reasonFor(kind: BulkKind, row: ScopeRow): LeftOutReason | null {
  if (!row.shown) return 'hidden';
  if (row.status === 'deleted') return 'deleted';
  // Copy, move and bulk edit are about the query's items: a staged new item the query would not
  // return (Add item with another status) only sits beside them. Delete and duplicate of a row
  // the user sees are harmless (a delete of a new item just un-stages it).
  if (row.status === 'new' && !row.matchesQuery && kind !== 'delete' && kind !== 'duplicate')
    return 'notInQuery';
  return null;
}

/** The rows `kind` acts on and the rows it leaves out, by reason, in the order given. */
export function bulkScope(kind: BulkKind, rows: readonly ScopeRow[]): BulkScope {
  const ids: string[] = [];
  const out = new Map<LeftOutReason, string[]>();
  for (const row of rows) {
    const reason = reasonFor(kind, row);
    if (reason === null) ids.push(row.id);
    else {
      const list = out.get(reason);
      if (list) list.push(row.id);
      else out.set(reason, [row.id]);
    }
  }
  const leftOut = ORDER.flatMap((reason) => {
    const list = out.get(reason);
    return list ? [{ reason, ids: list }] : [];
  });
  return { ids, leftOut };
}

/** How a reason reads after a count: "2 left out: already staged for delete". */
export function reasonText(reason: LeftOutReason, kind: BulkKind, count = 2): string {
  switch (reason) {
    case 'hidden':
      return 'hidden by the filter';
    case 'deleted':
      return kind === 'delete'
        ? 'already staged for delete'
        : 'staged for delete (revert it to include it)';
    case 'notInQuery':
      return count === 1
        ? 'new item the query does not match'
        : 'new items the query does not match';
  }
}
