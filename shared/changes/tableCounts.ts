/** How many staged changes of each kind each table has: the review's per-table summary. */
import { tableRef } from './types';
import type { Changes } from './types';

export interface TableCounts {
  ref: string;
  connectionId: string;
  table: string;
  /** Puts of items that were not loaded (new items), updates of loaded ones, plain deletes. */
  created: number;
  changed: number;
  deleted: number;
  /** Moves out of this table (their deletes) and into it (their copies). */
  movedOut: number;
  movedIn: number;
}

/**
 * Counts per table, in order of first change. `moves` maps the delete id of each move to its put
 * id: both halves count as moved (out of the source, into the target), not as deleted and new.
 */
export function tableCounts(changes: Changes, moves: ReadonlyMap<string, string>): TableCounts[] {
  const movedPuts = new Set(moves.values());
  const tables = new Map<string, TableCounts>();
  for (const [id, c] of changes) {
    const ref = tableRef(c.connectionId, c.table);
    let t = tables.get(ref);
    if (!t) {
      t = {
        ref,
        connectionId: c.connectionId,
        table: c.table,
        created: 0,
        changed: 0,
        deleted: 0,
        movedOut: 0,
        movedIn: 0,
      };
      tables.set(ref, t);
    }
    if (moves.has(id) && changes.get(moves.get(id)!)?.kind === 'put') t.movedOut++;
    else if (movedPuts.has(id) && c.kind === 'put') t.movedIn++;
    else if (c.kind === 'put') t.created++;
    else if (c.kind === 'update') t.changed++;
    else t.deleted++;
  }
  return [...tables.values()];
}
