import { useTable, type RowSelectionState, type Updater } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { keyNames, type Item, type KeySchema } from '../../../../../shared/dynamo/types';
import { buildColumns, gridFeatures } from './gridFeatures';
import { useGridViewStore, type GridView } from './gridViewStore';

export interface GridData {
  items: readonly Item[];
  /** Row ids parallel to `items`. */
  ids: readonly string[];
  /** Attribute names, key attributes first. */
  columns: readonly string[];
  keySchema: KeySchema;
}

const NO_END: string[] = [];

/**
 * The TanStack table over the loaded items. Layout, sort and quick filter are controlled by the
 * grid view store (per table); the selection by the caller. Columns are rebuilt only when the
 * attribute union grows, rows only when items arrive.
 */
export function useGridTable(
  data: GridData,
  viewKey: string,
  view: GridView,
  selection: RowSelectionState,
  onSelection: (next: RowSelectionState) => void,
) {
  const { items, ids } = data;
  const keys = useMemo(() => keyNames(data.keySchema), [data.keySchema]);
  const columns = useMemo(() => buildColumns(data.columns, new Set(keys)), [data.columns, keys]);
  const pinning = useMemo(() => ({ start: keys, end: NO_END }), [keys]);
  const getRowId = useCallback((_: Item, i: number) => ids[i] ?? `#${i}`, [ids]);
  const update = useGridViewStore((s) => s.update);
  const onRowSelectionChange = useCallback(
    (u: Updater<RowSelectionState>) => onSelection(typeof u === 'function' ? u(selection) : u),
    [onSelection, selection],
  );
  return useTable({
    features: gridFeatures,
    columns,
    data: items,
    getRowId,
    state: {
      columnOrder: view.columnOrder,
      columnVisibility: view.columnVisibility,
      columnSizing: view.columnSizing,
      columnPinning: pinning,
      sorting: view.sorting,
      rowSelection: selection,
      globalFilter: view.quickFilter,
    },
    onColumnOrderChange: (u) => update(viewKey, 'columnOrder', u),
    onColumnVisibilityChange: (u) => update(viewKey, 'columnVisibility', u),
    onColumnSizingChange: (u) => update(viewKey, 'columnSizing', u),
    onSortingChange: (u) => update(viewKey, 'sorting', u),
    onRowSelectionChange,
    columnResizeMode: 'onChange',
    enableRowRangeSelection: false,
    autoResetSorting: false,
  });
}

export type GridTable = ReturnType<typeof useGridTable>;
