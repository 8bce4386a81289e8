/** The TanStack Table features the item grid registers, and the column definitions it uses. */
import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createSortedRowModel,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type Row,
  type SortFn,
} from '@tanstack/react-table';
import { compareValues } from '../../../../../shared/dynamo/format';
import type { Item } from '../../../../../shared/dynamo/types';
import { createQuickFilterRowModel } from './quickFilter';
import { createSharedCoreRowModel } from './sharedRowModel';

export const gridFeatures = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSelectionFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  coreRowModel: createSharedCoreRowModel(),
  filteredRowModel: createQuickFilterRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});

export type GridFeatures = typeof gridFeatures;
export type GridRow = Row<GridFeatures, Item>;

export const KEY_COLUMN_WIDTH = 150;
export const COLUMN_WIDTH = 170;

/** Numbers by value, strings by code point (shared/dynamo/format); missing values sort last. */
const byValue: SortFn<GridFeatures, Item> = (a, b, id) =>
  compareValues(a.original[id], b.original[id]);

/** One column per attribute name; `keys` are the table's key attributes (narrower by default). */
export function buildColumns(
  names: readonly string[],
  keys: ReadonlySet<string>,
): ColumnDef<GridFeatures, Item, unknown>[] {
  return names.map((name) => ({
    id: name,
    header: name,
    accessorFn: (item: Item) => item[name],
    sortFn: byValue,
    sortUndefined: 'last' as const,
    sortDescFirst: false,
    size: keys.has(name) ? KEY_COLUMN_WIDTH : COLUMN_WIDTH,
    minSize: 48,
    maxSize: 2000,
    enableHiding: !keys.has(name),
  }));
}
