/**
 * The rows of one table as pages of items arrive: ids, positions and columns kept up to date in
 * O(page). Pure data work shared by the items store and bench:staging.
 */
import { canonicalKey } from '../../../shared/dynamo/key';
import { keyNames } from '../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { AheadCopy } from './aheadCopy';
import { RowMeasures } from './rowMeasures';

export interface LoadedRowsState {
  items: Item[];
  /** Row ids (canonical keys), parallel to `items`. */
  ids: string[];
  /** Attribute names seen so far, key attributes first. */
  columns: string[];
}

/** Lookups kept beside the rows (mutated as rows arrive), so that appending stays O(page). */
export interface RowIndex {
  keySchema: KeySchema;
  /** Where each row id is in `ids`. */
  rowOf: Map<string, number>;
  columns: Set<string>;
  /** The newest items array (addRows keeps it). */
  items: readonly Item[];
  /** The review's measurements of the rows, by position (see rowMeasures.ts). */
  measures: RowMeasures;
  /** Copies of the newest items and ids arrays made ahead, for the next append (aheadCopy.ts). */
  ahead: { items: AheadCopy<Item>; ids: AheadCopy<string> };
}

const newAhead = () => ({ items: new AheadCopy<Item>(), ids: new AheadCopy<string>() });

let orphanIds = 0;

/** The row id of an item: its canonical key under the table's key schema. */
export function rowIdOf(item: Item, schema: KeySchema): string {
  for (const name of keyNames(schema)) {
    // An item without its key (never from DynamoDB) still gets a row of its own.
    if (item[name] === undefined) return `\u0000row${++orphanIds}`;
  }
  const id = canonicalKey(item, schema);
  // One regex pass makes V8 store the id as one flat string while its parts are in the cache: the
  // staging ids built from it later are hashed and compared without chasing the item's values.
  FLAT.test(id);
  return id;
}

const FLAT = /^\[/;

/**
 * Item arrays made by addRows that only appended to another (new array -> the one it extends).
 * Only the newest link is kept: the entry of the array extended is deleted when a newer one
 * extends it, else each array's value (the one before) would keep the whole chain of a load's
 * arrays alive (1,000,000 rows: hundreds of MB, and a major GC walks the chain one ephemeron
 * round per link, serially).
 */
const appended = new WeakMap<readonly Item[], readonly Item[]>();

/**
 * The array `items` extends, when addRows made it by appending only: every row of that array is
 * at the same index with the same item and id (the grid's row model then builds only the tail).
 */
export function appendedTo(items: readonly Item[]): readonly Item[] | undefined {
  return appended.get(items);
}

export function emptyIndex(keySchema: KeySchema): RowIndex {
  const columns = new Set(keyNames(keySchema));
  return {
    keySchema,
    rowOf: new Map(),
    columns,
    items: [],
    measures: new RowMeasures(),
    ahead: newAhead(),
  };
}

export function indexOf(rows: LoadedRowsState, keySchema: KeySchema): RowIndex {
  return {
    keySchema,
    rowOf: new Map(rows.ids.map((id, i) => [id, i])),
    columns: new Set(rows.columns),
    items: rows.items,
    measures: new RowMeasures(),
    ahead: newAhead(),
  };
}

/** Where `item` (that very object) is among the index's rows, or -1. */
export function positionOf(index: RowIndex, item: Item): number {
  for (const name of keyNames(index.keySchema)) if (item[name] === undefined) return -1;
  const at = index.rowOf.get(canonicalKey(item, index.keySchema));
  return at !== undefined && index.items[at] === item ? at : -1;
}

/**
 * The rows with `incoming` added: an item whose key is already loaded replaces that row in place,
 * new attribute names are appended to `columns` (the array is only replaced when one is new).
 */
export function addRows<T extends LoadedRowsState>(
  rows: T,
  index: RowIndex,
  incoming: readonly Item[],
  keySchema: KeySchema,
): T {
  // New rows are gathered apart and appended to a copy of the old arrays made ahead, a slice per
  // task, since the last append (aheadCopy.ts); rows read again replace theirs in that copy.
  const base = rows.items.length;
  const newItems: Item[] = [];
  const newIds: string[] = [];
  let again: { at: number; item: Item }[] | null = null;
  let added: string[] | null = null;
  for (const item of incoming) {
    const id = rowIdOf(item, keySchema);
    const at = index.rowOf.get(id);
    if (at === undefined) {
      index.rowOf.set(id, base + newItems.length);
      newItems.push(item);
      newIds.push(id);
    } else if (at >= base) newItems[at - base] = item;
    else (again ??= []).push({ at, item });
    for (const name in item) {
      if (!index.columns.has(name)) {
        index.columns.add(name);
        (added ??= []).push(name);
      }
    }
  }
  const items = index.ahead.items.take(rows.items);
  for (const item of newItems) items.push(item);
  if (again) {
    for (const r of again) {
      items[r.at] = r.item;
      index.measures.clear(r.at);
    }
  } else appended.set(items, rows.items);
  appended.delete(rows.items);
  index.items = items;
  const ids = index.ahead.ids.take(rows.ids);
  for (const id of newIds) ids.push(id);
  index.ahead.items.prepare(items);
  index.ahead.ids.prepare(ids);
  const columns = added ? [...rows.columns, ...added] : rows.columns;
  return { ...rows, items, ids, columns };
}
