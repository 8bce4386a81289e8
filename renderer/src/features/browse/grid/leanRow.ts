/**
 * Grid rows without their per-row maps until one is used. TanStack's constructRow gives every row
 * two empty null-prototype maps (`_valuesCache`, `_uniqueValuesCache`), and the column filtering
 * feature's row init two more (`columnFilters`, `columnFiltersMeta`): dictionaries of ~200 bytes
 * each, 800 MB for 1,000,000 loaded rows of which a screenful is ever drawn (and four objects per
 * row for every GC to copy and mark). Here the row prototype carries accessors that make a row's
 * own map on first use (read or write), so rows that are never read stay ~100 bytes; rows share
 * one frozen empty `subRows` (flat data: TanStack only ever replaces it). Everything else is what
 * constructRow sets.
 */
import { constructRow, makeObjectMap, type Row, type TableFeatures } from '@tanstack/react-table';
import type { Item } from '../../../../../shared/dynamo/types';

type AnyRow = Row<TableFeatures, Item>;

interface TableInternals {
  _rowInstanceInitFns?: ((row: AnyRow) => void)[];
}

const CACHES = ['_valuesCache', '_uniqueValuesCache'];
const NO_SUB_ROWS: AnyRow[] = Object.freeze([]) as unknown as AnyRow[];
const lazyProtos = new WeakSet<object>();

function own(row: object, name: string, value: unknown): void {
  Object.defineProperty(row, name, { value, writable: true, enumerable: true, configurable: true });
}

function makeMapsLazy(proto: object, names: readonly string[]): void {
  if (lazyProtos.has(proto)) return;
  lazyProtos.add(proto);
  for (const name of names) {
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

const isEmptyMap = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null && Object.keys(v).length === 0;

/**
 * The names the features' row inits set, when each is an empty map (made lazy like the caches);
 * null when some init sets anything else (the inits then run for every row).
 */
function lazyInitNames(inits: readonly ((row: AnyRow) => void)[]): string[] | null {
  const probe: Record<string, unknown> = {};
  for (const init of inits) init(probe as unknown as AnyRow);
  const names = Object.keys(probe);
  return names.every((n) => isEmptyMap(probe[n])) ? names : null;
}

/** Makes rows of `table` like constructRow (flat: depth 0, no parent, no sub-rows). */
export function leanRowMaker(table: unknown) {
  let Row: (new (id: string, original: Item, index: number) => AnyRow) | null = null;
  const inits = (table as TableInternals)._rowInstanceInitFns ?? [];
  const lazy = lazyInitNames(inits);
  const perRow = lazy ? [] : inits;
  return (id: string, original: Item, index: number): AnyRow => {
    if (!Row) {
      // The first row comes from TanStack itself, which makes (and caches) the row prototype.
      const first = constructRow(table as never, id, original, index, 0, undefined, undefined) as AnyRow;
      const proto = Object.getPrototypeOf(first) as object;
      makeMapsLazy(proto, [...CACHES, ...(lazy ?? [])]);
      // A constructor (not Object.create): V8 then keeps every field inside the row object.
      const Lean = function (this: Record<string, unknown>, i: string, o: Item, at: number) {
        this._displayIndexCache = -1;
        this.depth = 0;
        this.id = i;
        this.index = at;
        this.original = o;
        this.parentId = undefined;
        this.subRows = NO_SUB_ROWS;
      } as unknown as new (id: string, original: Item, index: number) => AnyRow;
      Lean.prototype = proto;
      Row = Lean;
      return first;
    }
    const row = new Row(id, original, index);
    for (const init of perRow) init(row);
    return row;
  };
}
