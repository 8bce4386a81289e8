/**
 * What the grid of one table shows: the loaded rows merged with the staged changes (shared
 * mergeView), plus lookups the editing actions need. Row ids are the items store's (canonical
 * keys), so selection and focus survive staging; staged puts that match no loaded row follow the
 * loaded rows.
 */
import { useCallback, useMemo } from 'react';
import { mergeView } from '../../../../../shared/changes/mergeView';
import type { GridRow as MergedRow } from '../../../../../shared/changes/mergeView';
import { tableRef } from '../../../../../shared/changes/types';
import type { ItemTarget, StagedChange } from '../../../../../shared/changes/types';
import { keyNames } from '../../../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import type { RowStaging } from '../../browse/grid/GridRow';
import type { GridData } from '../../browse/grid/useGridTable';
import { rowIdOf, selectSlot, useItemsStore } from '../../../stores/itemsStore';
import type { SlotRef } from '../../../stores/itemsStore';
import { selectChanges, useStagingStore } from '../../../stores/stagingStore';
import { loadedTarget, targetOf } from '../currentImage';

/** One row as the editing actions see it. */
export interface StagedRow {
  /** The image the grid shows (staged, or loaded; a deleted row shows what it deletes). */
  item: Item;
  /** Where edits of this row go. */
  target: ItemTarget;
  staging: RowStaging | undefined;
  change: StagedChange | undefined;
}

export interface StagedGrid {
  data: GridData;
  rowStaging: (id: string) => RowStaging | undefined;
  rowOf: (id: string) => StagedRow | undefined;
  /** Changes of this table (any row, loaded or not). */
  stagedCount: number;
}

const NO_ITEMS: Item[] = [];
const NO_IDS: string[] = [];

function stagingOf(row: MergedRow): RowStaging {
  return {
    status: row.status,
    get changed() {
      return row.changed;
    },
    base: row.base,
    error: row.error,
  };
}

interface Merged {
  items: Item[];
  ids: string[];
  columns: string[];
  staged: Map<string, RowStaging>;
  count: number;
}

function merge(
  ref: SlotRef,
  keySchema: KeySchema,
  loaded: Item[],
  loadedIds: string[],
  loadedColumns: string[],
  changes: Readonly<Record<string, StagedChange>>,
): Merged {
  const prefix = tableRef(ref.connectionId, ref.table) + '\u0000';
  let count = 0;
  for (const id in changes) if (id.startsWith(prefix)) count++;
  const staged = new Map<string, RowStaging>();
  if (count === 0) {
    return { items: loaded, ids: loadedIds, columns: loadedColumns, staged, count };
  }
  const rows = mergeView({ ...ref, keySchema }, loaded, changes);
  const items: Item[] = new Array<Item>(rows.length);
  const ids = loadedIds.slice();
  const names = new Set(loadedColumns);
  let extra: string[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as MergedRow;
    items[i] = row.item;
    if (i >= loadedIds.length) ids.push(rowIdOf(row.item, keySchema));
    if (row.status === undefined) continue;
    staged.set(ids[i] as string, stagingOf(row));
    for (const name in row.item) {
      if (!names.has(name)) {
        names.add(name);
        (extra ??= []).push(name);
      }
    }
  }
  const columns = extra ? [...loadedColumns, ...extra] : loadedColumns;
  return { items, ids, columns, staged, count };
}

/** The merged grid of one table and the lookups its editing actions use. */
export function useStagedGrid(ref: SlotRef, keySchema: KeySchema): StagedGrid {
  const slot = useItemsStore(selectSlot(ref));
  const changes = useStagingStore(selectChanges);
  const schema = slot?.keySchema ?? keySchema;
  const loaded = slot?.items ?? NO_ITEMS;
  const loadedIds = slot?.ids ?? NO_IDS;
  const loadedColumns = useMemo(() => slot?.columns ?? keyNames(schema), [slot?.columns, schema]);
  const merged = useMemo(
    () => merge(ref, schema, loaded, loadedIds, loadedColumns, changes),
    [ref, schema, loaded, loadedIds, loadedColumns, changes],
  );
  const data: GridData = useMemo(
    () => ({ items: merged.items, ids: merged.ids, columns: merged.columns, keySchema: schema }),
    [merged, schema],
  );
  const rowStaging = useCallback((id: string) => merged.staged.get(id), [merged]);
  const rowOf = useCallback(
    (id: string): StagedRow | undefined => {
      const index = rowIndex(merged, id);
      if (index < 0) return undefined;
      const item = merged.items[index] as Item;
      const change = changes[tableRef(ref.connectionId, ref.table) + '\u0000' + id];
      const loadedItem = index < loaded.length ? loaded[index] : undefined;
      const target = change
        ? targetOf(change)
        : loadedTarget(ref.connectionId, ref.table, loadedItem ?? item);
      return { item, target, staging: merged.staged.get(id), change };
    },
    [merged, changes, ref, loaded],
  );
  return { data, rowStaging, rowOf, stagedCount: merged.count };
}

const indexes = new WeakMap<string[], Map<string, number>>();

/** The position of row `id` (a map built once per ids array). */
function rowIndex(merged: Merged, id: string): number {
  let map = indexes.get(merged.ids);
  if (!map) {
    map = new Map(merged.ids.map((x, i) => [x, i]));
    indexes.set(merged.ids, map);
  }
  return map.get(id) ?? -1;
}
