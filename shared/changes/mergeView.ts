/** Loaded rows merged with staged changes: what the grid shows, in O(rows + changes). */
import { valuesEqual } from '../dynamo/equal';
import { isCanonicalKeyAt, normalizedKeyValue } from '../dynamo/key';
import type { AttributeValue, Item, KeySchema } from '../dynamo/types';
import { changeId, tableRef } from './types';
import type { StagedChange } from './types';

export type RowStatus = 'new' | 'changed' | 'deleted';

export interface GridRow {
  /** The change id of the row's item (see changeId); computed on first read. */
  readonly id: string;
  /** The image to show: the staged image, or the original for deleted rows. */
  readonly item: Item;
  readonly status: RowStatus | undefined;
  /** Attribute names that differ from the image the change is based on ('changed' rows). */
  readonly changed: ReadonlySet<string> | undefined;
  /** Why the last commit of this row's change failed. */
  readonly error: string | undefined;
  /** For 'changed' rows: the image the change is based on (what a changed cell was). */
  readonly base: Item | undefined;
}

/** The table a grid shows. */
export interface ViewTable {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
}

/** Names of the attributes whose values differ between two images. */
export function changedNames(before: Item, after: Item): Set<string> {
  const names = new Set<string>();
  for (const name in before) {
    const a = after[name];
    if (a === undefined || !valuesEqual(before[name] as AttributeValue, a)) names.add(name);
  }
  for (const name in after) if (before[name] === undefined) names.add(name);
  return names;
}

// Ids and changed names are computed lazily: the grid reads them for the few rows it renders
// or edits, and computing them for 100,000 rows on every staging change would dominate the merge.
class Row implements GridRow {
  private changedNames: ReadonlySet<string> | undefined;

  constructor(
    private readonly view: ViewTable,
    readonly item: Item,
    private knownId: string | undefined,
    readonly status: RowStatus | undefined = undefined,
    /** For 'changed' rows: the image the change is based on. */
    readonly base: Item | undefined = undefined,
    readonly error: string | undefined = undefined,
  ) {}

  get id(): string {
    const { connectionId, table, keySchema } = this.view;
    return (this.knownId ??= changeId(connectionId, table, this.item, keySchema));
  }

  get changed(): ReadonlySet<string> | undefined {
    if (this.base === undefined) return undefined;
    return (this.changedNames ??= changedNames(this.base, this.item));
  }
}

/**
 * A loaded row with nothing staged: the bulk of every grid, so it holds only what it must (status,
 * changed, base and error are undefined, from the prototype).
 */
class LoadedRow implements GridRow {
  declare readonly status: undefined;
  declare readonly changed: undefined;
  declare readonly base: undefined;
  declare readonly error: undefined;

  private knownId: string | undefined;

  constructor(
    private readonly view: ViewTable,
    readonly item: Item,
  ) {}

  get id(): string {
    const { connectionId, table, keySchema } = this.view;
    return (this.knownId ??= changeId(connectionId, table, this.item, keySchema));
  }
}
for (const name of ['status', 'changed', 'base', 'error']) {
  Object.defineProperty(LoadedRow.prototype, name, { value: undefined });
}

/**
 * The grid merges the same loaded array after every staging action, and most rows have nothing
 * staged: their LoadedRow objects are made once per loaded array (and view) and shared by every
 * merge of it. Rows are read-only, so sharing them is invisible, bar the lazy id made once.
 */
const plainRows = new WeakMap<readonly Item[], { view: ViewTable; rows: LoadedRow[] }>();

/** A LoadedRow for every loaded item, in order: a new array (the caller fills in its changes). */
function loadedRows(view: ViewTable, loaded: readonly Item[]): GridRow[] {
  let hit = plainRows.get(loaded);
  const same =
    hit !== undefined &&
    hit.view.connectionId === view.connectionId &&
    hit.view.table === view.table &&
    hit.view.keySchema === view.keySchema;
  if (!hit || !same) plainRows.set(loaded, (hit = { view, rows: [] }));
  const rows = hit.rows;
  // Checked every time, in one sequential pass: an array changed in place gets new rows where
  // it changed.
  if (rows.length > loaded.length) rows.length = loaded.length;
  for (let i = 0; i < loaded.length; i++) {
    const item = loaded[i] as Item;
    if (rows[i]?.item !== item) rows[i] = new LoadedRow(hit.view, item);
  }
  return rows.slice();
}

/** Normalised partition key value → normalised sort key value(s) of staged changes. */
type KeyFilter = Map<string, string | Set<string>>;

function addToFilter(filter: KeyFilter, p: string, s: string): void {
  const there = filter.get(p);
  if (there === undefined) filter.set(p, s);
  else if (typeof there === 'string') filter.set(p, new Set([there, s]));
  else there.add(s);
}

function inFilter(filter: KeyFilter, item: Item, pk: string, sk: string | undefined): boolean {
  const there = filter.get(normalizedKeyValue(item[pk]));
  if (there === undefined) return false;
  const s = sk === undefined ? '' : normalizedKeyValue(item[sk]);
  return typeof there === 'string' ? there === s : there.has(s);
}

function rowFor(view: ViewTable, id: string, loaded: Item, change: StagedChange): Row {
  if (change.kind === 'delete') {
    return new Row(view, change.original, id, 'deleted', undefined, change.error);
  }
  // An update compares with the image it was based on; a put over a loaded row with that row.
  const base = change.kind === 'update' ? change.original : loaded;
  return new Row(view, change.item, id, 'changed', base, change.error);
}

/**
 * The grid's rows: every loaded item in order with its staged image and status, then the staged
 * puts of this table that match no loaded row, in staging order. Changes of other tables are ignored.
 * Loaded items are expected to have distinct keys (the items store keeps one row per key).
 */
export function mergeView(
  view: ViewTable,
  loaded: readonly Item[],
  changes: Readonly<Record<string, StagedChange>>,
): GridRow[] {
  const prefix = tableRef(view.connectionId, view.table) + '\u0000';
  // Originals of this table's changes, by object: the common case (see byIdentity) needs no more.
  const byOriginal = new Map<Item, string>();
  let count = 0;
  let puts = false;
  for (const id in changes) {
    if (!id.startsWith(prefix)) continue;
    count++;
    const change = changes[id] as StagedChange;
    if (change.kind === 'put') puts = true;
    else if (!puts) byOriginal.set(change.original, id);
  }
  if (count > 0 && !puts && byOriginal.size === count) {
    const rows = byIdentity(view, loaded, changes, byOriginal, prefix.length);
    if (rows) return rows;
  }
  const mine = new Map<string, StagedChange>();
  for (const id in changes) if (id.startsWith(prefix)) mine.set(id, changes[id] as StagedChange);
  return byKey(view, loaded, mine);
}

/**
 * The common case without reading a single key: every change is an update or delete made from
 * this grid, so its original is one of the loaded item objects. Rows are matched by object
 * identity; with distinct keys among the loaded items, no other row can share a change's key.
 * Null when some original is not loaded (a reload, a restart): byKey then.
 */
function byIdentity(
  view: ViewTable,
  loaded: readonly Item[],
  changes: Readonly<Record<string, StagedChange>>,
  byOriginal: Map<Item, string>,
  keyAt: number,
): GridRow[] | null {
  const rows = loadedRows(view, loaded);
  let matched = 0;
  for (let i = 0; i < loaded.length; i++) {
    const item = loaded[i] as Item;
    const id = byOriginal.get(item);
    if (id === undefined) continue;
    // The same object twice, or a change not filed under its original's key: byKey decides.
    if (id === '' || !isCanonicalKeyAt(id, keyAt, item, view.keySchema)) return null;
    byOriginal.set(item, '');
    matched++;
    rows[i] = rowFor(view, id, item, changes[id] as StagedChange);
  }
  return matched === byOriginal.size ? rows : null;
}

/** Every row whose key values may belong to a change pays for its canonical key. */
function byKey(
  view: ViewTable,
  loaded: readonly Item[],
  mine: Map<string, StagedChange>,
): GridRow[] {
  const { connectionId, table, keySchema } = view;
  const pk = keySchema.partitionKey.name;
  const sk = keySchema.sortKey?.name;
  // A cheap filter on normalised key values (no allocation for S keys and plain integers), so
  // that only rows that may have a change pay for a canonical key.
  const filter: KeyFilter = new Map();
  mine.forEach((change) => {
    const s = sk === undefined ? '' : normalizedKeyValue(change.key[sk]);
    addToFilter(filter, normalizedKeyValue(change.key[pk]), s);
  });
  const rows = loadedRows(view, loaded);
  const seen = new Set<string>();
  for (let i = 0; i < loaded.length; i++) {
    const item = loaded[i] as Item;
    if (mine.size === 0 || !inFilter(filter, item, pk, sk)) continue;
    const id = changeId(connectionId, table, item, keySchema);
    const change = mine.get(id);
    if (!change) continue;
    seen.add(id);
    rows[i] = rowFor(view, id, item, change);
  }
  mine.forEach((change, id) => {
    if (change.kind === 'put' && !seen.has(id)) {
      rows.push(new Row(view, change.item, id, 'new', undefined, change.error));
    }
  });
  return rows;
}
