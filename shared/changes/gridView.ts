/**
 * What the grid of one table shows: the loaded rows with the staged changes laid over them. Only
 * the rows that have a change cost anything (each found by its key among the loaded rows' ids);
 * the rest are the loaded arrays themselves.
 */
import { getAttr } from '../dynamo/attrs';
import { valuesEqual } from '../dynamo/equal';
import type { AttributeValue, Item, KeySchema } from '../dynamo/types';
import { changeIdPrefix } from './identity';
import type { Changes, StagedChange } from './types';
import { IdPositions, type Positions } from './idPositions';

export type RowStatus = 'new' | 'changed' | 'deleted';

/** How staging marks one row of the grid. */
export interface RowStaging {
  readonly status: RowStatus;
  /** Attribute names that differ from `base` ('changed' rows; computed on first read). */
  readonly changed: ReadonlySet<string> | undefined;
  /** For 'changed' rows: the image the change is based on (what a changed cell was). */
  readonly base: Item | undefined;
  /** Why the last commit of this row's change failed. */
  readonly error: string | undefined;
}

/** The table a grid shows. */
export interface ViewTable {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
}

/** The loaded rows as the items store holds them: items, their row ids (canonical keys), columns. */
export interface LoadedRows {
  items: readonly Item[];
  /** canonicalKey(items[i], keySchema) for every item (an item without its key: any unique id). */
  ids: readonly string[];
  columns: readonly string[];
  /** Where each id is in `ids`, when the caller keeps that map (built from `ids` otherwise). */
  positions?: Positions;
}

export interface GridView {
  /** The images to show: staged images in place of loaded ones, then the new items. */
  items: readonly Item[];
  /** Row ids, parallel to items: the loaded ids (the same array when nothing was appended). */
  ids: readonly string[];
  /** The loaded columns, then attribute names only staged images have. */
  columns: readonly string[];
  /** Staged rows by row id. */
  staged: ReadonlyMap<string, RowStaging>;
  /** The changes of this table, whether they show as a row or not. */
  count: number;
}

/** Names of the attributes whose values differ between two images. */
export function changedNames(before: Item, after: Item): Set<string> {
  const names = new Set<string>();
  for (const name in before) {
    const a = getAttr(after, name);
    if (a === undefined || !valuesEqual(before[name] as AttributeValue, a)) names.add(name);
  }
  for (const name in after) if (getAttr(before, name) === undefined) names.add(name);
  return names;
}

class Staged implements RowStaging {
  private names: ReadonlySet<string> | undefined;

  constructor(
    readonly status: RowStatus,
    private readonly item: Item,
    readonly base: Item | undefined,
    readonly error: string | undefined,
  ) {}

  get changed(): ReadonlySet<string> | undefined {
    if (this.base === undefined) return undefined;
    return (this.names ??= changedNames(this.base, this.item));
  }
}

/**
 * The position of each row id. Built on every call: a caller that asks again for the same ids
 * keeps the map (the items store keeps its rows' positions, useStagedGrid memoizes the merged ones).
 */
export function rowPositions(ids: readonly string[]): Positions {
  return IdPositions.of(ids);
}

/**
 * Where each change shows among the loaded rows (-1: none): the row whose id is the change id's
 * canonical key, found through the loaded rows' positions.
 */
function placeChanges(loaded: LoadedRows, ids: readonly string[], keyAt: number): Int32Array {
  const at = new Int32Array(ids.length);
  const positions = loaded.positions ?? rowPositions(loaded.ids);
  for (let j = 0; j < ids.length; j++) {
    const key = (ids[j] as string).slice(keyAt);
    const i = positions.get(key);
    // A positions map kept up to date while rows load may already know rows past this array.
    at[j] = i !== undefined && loaded.ids[i] === key ? i : -1;
  }
  return at;
}

/**
 * The grid of `view`: every loaded row in order with its staged image and status, then the staged
 * puts of this table that match no loaded row, in staging order. Changes of other tables are
 * ignored. Loaded rows are expected to have distinct ids (the items store keeps one row per key).
 */
export function gridView(view: ViewTable, loaded: LoadedRows, changes: Changes): GridView {
  const prefix = changeIdPrefix(view.connectionId, view.table);
  const ids: string[] = [];
  const mine: StagedChange[] = [];
  changes.forEach((change, id) => {
    if (!id.startsWith(prefix)) return;
    ids.push(id);
    mine.push(change);
  });
  const staged = new Map<string, RowStaging>();
  if (mine.length === 0) {
    return { items: loaded.items, ids: loaded.ids, columns: loaded.columns, staged, count: 0 };
  }
  const keyAt = prefix.length;
  const at = placeChanges(loaded, ids, keyAt);
  const items = loaded.items.slice();
  let rowIds = loaded.ids;
  const known = new Set(loaded.columns);
  let extra: string[] | null = null;
  for (let j = 0; j < mine.length; j++) {
    const change = mine[j] as StagedChange;
    const i = at[j] as number;
    let row: Staged;
    let rowId: string;
    if (i >= 0) {
      const here = loaded.items[i] as Item;
      rowId = loaded.ids[i] as string;
      if (change.kind === 'delete')
        row = new Staged('deleted', change.original, undefined, change.error);
      else {
        // An update compares with the image it was based on; a put over a loaded row with that row.
        const base = change.kind === 'update' ? change.original : here;
        row = new Staged('changed', change.item, base, change.error);
      }
      items[i] = change.kind === 'delete' ? change.original : change.item;
    } else if (change.kind === 'put') {
      rowId = (ids[j] as string).slice(keyAt);
      row = new Staged('new', change.item, undefined, change.error);
      if (rowIds === loaded.ids) rowIds = loaded.ids.slice();
      (rowIds as string[]).push(rowId);
      items.push(change.item);
    } else continue; // an update or delete of a row not loaded (now) shows nowhere
    staged.set(rowId, row);
    if (change.kind === 'delete') continue;
    // Updates share their original's names, which are loaded columns when it is a loaded row.
    for (const name in change.item) {
      if (!known.has(name)) {
        known.add(name);
        (extra ??= []).push(name);
      }
    }
  }
  const columns = extra ? [...loaded.columns, ...extra] : loaded.columns;
  return { items, ids: rowIds, columns, staged, count: mine.length };
}
