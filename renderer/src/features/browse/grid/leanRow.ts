/**
 * Grid rows without their two per-row caches until a cell is read. TanStack's constructRow gives
 * every row two empty null-prototype maps (`_valuesCache`, `_uniqueValuesCache`), dictionaries of
 * ~200 bytes each: 400 MB for 1,000,000 loaded rows of which a screenful is ever drawn. Here the
 * row prototype carries accessors that make a row's own map on first use (read or write), so
 * rows that are never read stay ~130 bytes. Everything else is what constructRow sets.
 */
import { constructRow, makeObjectMap, type Row, type TableFeatures } from '@tanstack/react-table';
import type { Item } from '../../../../../shared/dynamo/types';

type AnyRow = Row<TableFeatures, Item>;

interface TableInternals {
  _rowInstanceInitFns?: ((row: AnyRow) => void)[];
}

const CACHES = ['_valuesCache', '_uniqueValuesCache'] as const;
const lazyProtos = new WeakSet<object>();

function own(row: object, name: string, value: unknown): void {
  Object.defineProperty(row, name, { value, writable: true, enumerable: true, configurable: true });
}

function makeCachesLazy(proto: object): void {
  if (lazyProtos.has(proto)) return;
  lazyProtos.add(proto);
  for (const name of CACHES) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: object) {
        const map = makeObjectMap();
        own(this, name, map);
        return map;
      },
      set(this: object, value: unknown) {
        own(this, name, value);
      },
    });
  }
}

/** Makes rows of `table` like constructRow (flat: depth 0, no parent, no sub-rows). */
export function leanRowMaker(table: unknown) {
  let proto: object | null = null;
  const inits = (table as TableInternals)._rowInstanceInitFns ?? [];
  return (id: string, original: Item, index: number): AnyRow => {
    if (!proto) {
      // The first row comes from TanStack itself, which makes (and caches) the row prototype.
      const first = constructRow(table as never, id, original, index, 0, undefined, undefined) as AnyRow;
      proto = Object.getPrototypeOf(first) as object;
      makeCachesLazy(proto);
      return first;
    }
    const row = Object.create(proto) as AnyRow & Record<string, unknown>;
    row._displayIndexCache = -1;
    row.depth = 0;
    row.id = id;
    row.index = index;
    row.original = original;
    row.parentId = undefined;
    row.subRows = [];
    for (const init of inits) init(row);
    return row;
  };
}
