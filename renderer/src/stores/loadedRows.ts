/**
 * The rows of one table as pages of items arrive: ids, positions and columns kept up to date in
 * O(page). Pure data work shared by the items store and bench:staging.
 */
import { canonicalKey } from '../../../shared/dynamo/key';
import { keyNames } from '../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { IdPositions } from '../../../shared/changes/idPositions';
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
  /** Where each row id is in `ids` (not a Map: idPositions.ts). */
  rowOf: IdPositions;
  columns: Set<string>;
  /** The newest items array (addRows keeps it). */
  items: readonly Item[];
  /** The review's measurements of the rows, by position (see rowMeasures.ts). */
  measures: RowMeasures;
  /** Ids entered before their rows (enterAhead), in order, from position `from`. */
  ahead?: Ahead;
}

interface Ahead {
  from: number;
  ids: string[];
  /** False once an id entered ahead was in the index already (then addRows rebuilds it). */
  clean: boolean;
}

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
 * The lineage of each items array made by addRows: an array grown by appends keeps its lineage,
 * one with a row replaced in place gets a new one. A token, not the array extended: a WeakMap from
 * each array to the one before kept every array of a load alive through the values (hundreds of
 * MB at 1,000,000 rows, and a major GC walked that chain one ephemeron round per link, serially).
 */
const lineages = new WeakMap<readonly Item[], object>();

/**
 * Whether `next` was made from `prev` by appends only (any number of them), `prevLength` being
 * the length `prev` had when it was read: every one of those rows is at the same index in `next`
 * with the same item and id (the grid's row model then builds only the rows after them). `next`
 * may be `prev` itself, grown (addRows appends in place).
 */
export function extendsRows(
  next: readonly Item[],
  prev: readonly Item[],
  prevLength = prev.length,
): boolean {
  const token = lineages.get(next);
  return token !== undefined && lineages.get(prev) === token && prevLength <= next.length;
}

export function emptyIndex(keySchema: KeySchema): RowIndex {
  const columns = new Set(keyNames(keySchema));
  return {
    keySchema,
    rowOf: new IdPositions(),
    columns,
    items: [],
    measures: new RowMeasures(),
  };
}

export function indexOf(rows: LoadedRowsState, keySchema: KeySchema): RowIndex {
  return {
    keySchema,
    rowOf: IdPositions.of(rows.ids),
    columns: new Set(rows.columns),
    items: rows.items,
    measures: new RowMeasures(),
  };
}

/** Where `item` (that very object) is among the index's rows, or -1. */
export function positionOf(index: RowIndex, item: Item): number {
  for (const name of keyNames(index.keySchema)) if (item[name] === undefined) return -1;
  const at = index.rowOf.get(canonicalKey(item, index.keySchema));
  return at !== undefined && index.items[at] === item ? at : -1;
}

/**
 * Enters the ids of rows that are coming next (a Load all's pages as they arrive, before they are
 * handed to the store) into the index now, at the positions they will have: after `loaded` rows
 * and the ids entered ahead of these. Handing a second's worth of pages over then probes nothing
 * (at a million rows that was most of a long frame); lookups meanwhile find positions past the
 * rows, which every caller checks (ids[i] against the id). addRows takes them only when it is
 * given exactly those rows in order at that position; anything else rebuilds the index first.
 */
export function enterAhead(index: RowIndex, loaded: number, ids: readonly string[]): void {
  const a = (index.ahead ??= { from: loaded, ids: [], clean: true });
  const first = a.from + a.ids.length;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as string;
    if (index.rowOf.setIfAbsent(id, first + k) !== undefined) a.clean = false;
    a.ids.push(id);
  }
}

/** Whether `ids` are the next ids entered ahead, from position `base`, none loaded before. */
function takesAhead(a: Ahead, base: number, ids: readonly string[] | undefined): boolean {
  if (!a.clean || a.from !== base || !ids || ids.length > a.ids.length) return false;
  for (let k = 0; k < ids.length; k++) if (ids[k] !== a.ids[k]) return false;
  return true;
}

/**
 * The rows with `incoming` added: an item whose key is already loaded replaces that row in place,
 * new attribute names are appended to `columns` (the array is only replaced when one is new).
 * `incomingIds`, when the caller made them as the items arrived, are their row ids (rowIdOf under
 * the same key schema), so that this pass does not build them.
 *
 * Rows that are only appended go onto the `items` and `ids` arrays themselves, which grow (the
 * returned rows are a new object, so the store's subscribers hear of them; whoever keeps an array
 * to compare reads its length too). A copy per hand-over made a Load all of 1,000,000 rows
 * allocate ~20 times its final arrays in copies that died a second later, which brought major GCs
 * of the page on during the load (bench scenario 7). A row read again at a loaded position makes
 * new arrays: the rows before it changed.
 */
export function addRows<T extends LoadedRowsState>(
  rows: T,
  index: RowIndex,
  incoming: readonly Item[],
  keySchema: KeySchema,
  incomingIds?: readonly string[],
): T {
  // New rows are gathered apart and joined with one concat (a native copy of the old arrays:
  // ~5 ms for 1,000,000); rows read again replace theirs in the joined copy.
  const base = rows.items.length;
  const ahead = index.ahead;
  const entered = ahead !== undefined && takesAhead(ahead, base, incomingIds);
  if (ahead && !entered) {
    // Positions entered ahead for other rows: the index is rebuilt from the rows (rare: a row
    // refreshed, or the same key read twice, while a Load all streams).
    index.rowOf = IdPositions.of(rows.ids);
    index.ahead = undefined;
  }
  const newItems: Item[] = [];
  const newIds: string[] = [];
  let again: { at: number; item: Item }[] | null = null;
  let added: string[] | null = null;
  for (let k = 0; k < incoming.length; k++) {
    const item = incoming[k] as Item;
    const id = incomingIds ? (incomingIds[k] as string) : rowIdOf(item, keySchema);
    const at = entered ? undefined : index.rowOf.setIfAbsent(id, base + newItems.length);
    if (at === undefined) {
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
  if (entered) {
    ahead.from += incoming.length;
    ahead.ids = ahead.ids.slice(incoming.length);
    // Every id entered ahead has its row now: later appends (a refresh) have nothing to undo.
    if (ahead.ids.length === 0) index.ahead = undefined;
  }
  let items: Item[];
  let ids: string[];
  if (again) {
    items = rows.items.concat(newItems);
    for (const r of again) {
      items[r.at] = r.item;
      index.measures.clear(r.at);
    }
    lineages.set(items, {});
    ids = rows.ids.concat(newIds);
  } else {
    items = appendTo(rows.items, newItems);
    ids = appendTo(rows.ids, newIds);
    if (!lineages.has(items)) lineages.set(items, {});
  }
  index.items = items;
  const columns = added ? [...rows.columns, ...added] : rows.columns;
  return { ...rows, items, ids, columns };
}

/** `to` with `more` pushed onto it (one by one: a spread of 100,000 arguments overflows the stack). */
function appendTo<T>(to: T[], more: readonly T[]): T[] {
  for (let k = 0; k < more.length; k++) to.push(more[k] as T);
  return to;
}
