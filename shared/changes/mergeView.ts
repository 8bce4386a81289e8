/** Loaded rows merged with staged changes: what the grid shows, in O(rows + changes). */
import { valuesEqual } from '../dynamo/equal';
import { normalizedKeyValue } from '../dynamo/key';
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
    private readonly base: Item | undefined = undefined,
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
 */
export function mergeView(
  view: ViewTable,
  loaded: readonly Item[],
  changes: Readonly<Record<string, StagedChange>>,
): GridRow[] {
  const { connectionId, table, keySchema } = view;
  const pk = keySchema.partitionKey.name;
  const sk = keySchema.sortKey?.name;
  const prefix = tableRef(connectionId, table) + '\u0000';
  const mine = new Map<string, StagedChange>();
  // A cheap filter on normalised key values (no allocation for S keys and plain integers), so
  // that only rows that may have a change pay for a canonical key.
  const filter: KeyFilter = new Map();
  for (const id in changes) {
    if (!id.startsWith(prefix)) continue;
    const change = changes[id] as StagedChange;
    mine.set(id, change);
    const s = sk === undefined ? '' : normalizedKeyValue(change.key[sk]);
    addToFilter(filter, normalizedKeyValue(change.key[pk]), s);
  }

  const rows: GridRow[] = [];
  const seen = new Set<string>();
  for (const item of loaded) {
    if (mine.size === 0 || !inFilter(filter, item, pk, sk)) {
      rows.push(new Row(view, item, undefined));
      continue;
    }
    const id = changeId(connectionId, table, item, keySchema);
    const change = mine.get(id);
    if (change) seen.add(id);
    rows.push(change ? rowFor(view, id, item, change) : new Row(view, item, id));
  }
  for (const [id, change] of mine) {
    if (change.kind !== 'put' || seen.has(id)) continue;
    rows.push(new Row(view, change.item, id, 'new', undefined, change.error));
  }
  return rows;
}
