/**
 * A row model's `rowsById` that finds rows through their positions (shared IdPositions), not
 * through a record keyed by row id. TanStack types it as a record, and a record (or a Map) keyed by
 * row ids makes every id a string V8 keeps in its string table: at 1,000,000 loaded rows every
 * major GC of the page walked a million of them while the page stood still (idPositions.ts).
 *
 * Read as a record (TanStack's getRow, `id in rowsById`, Object.keys) it answers from the rows;
 * the grid's own code asks rowLookupOf for the lookup itself.
 */
import { IdPositions, type Positions } from '../../../../../shared/changes/idPositions';

export type RowsById<R> = Record<string, R>;

const LOOKUP = Symbol('rowLookup');

/**
 * The rowsById of the first `length` of `rows` (all of them by default: an array that grows in
 * place later, sharedRowModel.ts, adds nothing to it), found through `positions()`: the positions
 * of their ids (called on the first read and kept, so a lookup nobody asks for is never built; by
 * default made from those rows). A position that holds another row, or lies past them (positions
 * kept while rows are appended know later rows), finds nothing.
 */
export function rowsByIdOf<R extends { id: string }>(
  rows: readonly R[],
  positions: () => Positions = () => IdPositions.of(rows.slice(0, length).map((r) => r.id)),
  length = rows.length,
): RowsById<R> {
  let built: Positions | undefined;
  const find = (id: string): R | undefined => {
    const at = (built ??= positions()).get(id);
    const row = at === undefined || at >= length ? undefined : rows[at];
    return row !== undefined && row.id === id ? row : undefined;
  };
  return new Proxy(Object.create(null) as object, {
    get: (_t, key) => (typeof key === 'string' ? find(key) : key === LOOKUP ? find : undefined),
    has: (_t, key) => typeof key === 'string' && find(key) !== undefined,
    ownKeys: () => rows.slice(0, length).map((r) => r.id),
    getOwnPropertyDescriptor: (_t, key) => {
      const row = typeof key === 'string' ? find(key) : undefined;
      return row === undefined
        ? undefined
        : { value: row, writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  }) as RowsById<R>;
}

/** The lookup behind a rowsById made by rowsByIdOf, or undefined for any other record. */
export function rowLookupOf<R>(rowsById: RowsById<R>): ((id: string) => R | undefined) | undefined {
  const find = (rowsById as unknown as { [LOOKUP]?: unknown })[LOOKUP];
  return typeof find === 'function' ? (find as (id: string) => R | undefined) : undefined;
}
