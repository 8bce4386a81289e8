/**
 * What the grid of one table shows: the loaded rows merged with the staged changes (shared
 * mergeView), plus lookups the editing actions need. Row ids are the items store's (canonical
 * keys), so selection and focus survive staging; staged puts that match no loaded row follow the
 * loaded rows.
 */
import { useCallback, useMemo } from 'react';
import { gridView, rowPositions } from '../../../../../shared/changes/gridView';
import type { GridView } from '../../../../../shared/changes/gridView';
import { changeIdOf } from '../../../../../shared/changes/identity';
import type { Positions } from '../../../../../shared/changes/idPositions';
import type { ItemTarget, StagedChange } from '../../../../../shared/changes/types';
import { keyNames } from '../../../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import type { RowStaging } from '../../browse/grid/GridRow';
import type { GridData } from '../../browse/grid/useGridTable';
import { selectSlot, slotPositions, useItemsStore } from '../../../stores/itemsStore';
import type { SlotRef } from '../../../stores/itemsStore';
import { selectChanges, useStagingStore } from '../../../stores/stagingStore';
import { loadedTarget, targetOf } from '../../../../../shared/staging/currentImage';

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

/** The merged grid of one table and the lookups its editing actions use. */
export function useStagedGrid(ref: SlotRef, keySchema: KeySchema): StagedGrid {
  const slot = useItemsStore(selectSlot(ref));
  const changes = useStagingStore(selectChanges);
  const schema = slot?.keySchema ?? keySchema;
  const loaded = slot?.items ?? NO_ITEMS;
  const loadedIds = slot?.ids ?? NO_IDS;
  const loadedColumns = useMemo(() => slot?.columns ?? keyNames(schema), [slot?.columns, schema]);
  // The items store grows its arrays in place as rows load (loadedRows.ts): their length is part
  // of what the merge depends on.
  const loadedCount = loaded.length;
  const merged: GridView = useMemo(
    () =>
      gridView(
        { connectionId: ref.connectionId, table: ref.table, keySchema: schema },
        { items: loaded, ids: loadedIds, columns: loadedColumns, positions: slotPositions(ref) },
        changes,
      ),
    [ref, schema, loaded, loadedIds, loadedColumns, changes, loadedCount],
  );
  const data: GridData = useMemo(
    () => ({ items: merged.items, ids: merged.ids, columns: merged.columns, keySchema: schema }),
    [merged, schema],
  );
  const rowStaging = useCallback((id: string) => merged.staged.get(id), [merged]);
  // The merged rows' positions, built on the first lookup after a merge that appended rows.
  const mergedPositions = useMemo(() => {
    let map: Positions | undefined;
    return () => (map ??= rowPositions(merged.ids));
  }, [merged.ids]);
  const rowOf = useCallback(
    (id: string): StagedRow | undefined => {
      const kept = merged.ids === loadedIds ? slotPositions(ref) : undefined;
      const index = (kept ?? mergedPositions()).get(id) ?? -1;
      if (index < 0 || merged.ids[index] !== id) return undefined;
      const item = merged.items[index] as Item;
      const change = changes.get(changeIdOf(ref.connectionId, ref.table, id));
      const loadedItem = index < loaded.length ? loaded[index] : undefined;
      // A loaded row's id is its canonical key (rowIdOf; an item without its key gets another id):
      // edits of it are filed under that key without reading the key's values again.
      const keyId = loadedItem && id.startsWith('[') ? { schema, id } : undefined;
      const target = change
        ? targetOf(change)
        : loadedTarget(ref.connectionId, ref.table, loadedItem ?? item, keyId);
      return { item, target, staging: merged.staged.get(id), change };
    },
    [merged, mergedPositions, changes, ref, loaded, loadedIds, schema],
  );
  return { data, rowStaging, rowOf, stagedCount: merged.count };
}
