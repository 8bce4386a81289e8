import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, type RefObject } from 'react';
import {
  columnRange,
  GUTTER_WIDTH,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  type ColumnRange,
  type GridLayout,
} from './layout';

const rowSize = () => ROW_HEIGHT;

/**
 * Row and column virtualizers over the scroll container: only the rows in view (plus a few) and
 * the scrolling columns in view render. Rows have a fixed height, so nothing is measured. The
 * size and key callbacks keep their identity between renders: a new one makes the virtualizer
 * recompute the offsets of every row.
 */
export function useGridVirtual(
  scrollRef: RefObject<HTMLDivElement | null>,
  rowIds: { readonly length: number; at(i: number): { id: string } | undefined },
  layout: GridLayout,
) {
  const rowKey = useCallback((i: number) => rowIds.at(i)?.id ?? i, [rowIds]);
  const rows = useVirtualizer({
    count: rowIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    getItemKey: rowKey,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const pinnedWidth = GUTTER_WIDTH + layout.startWidth;
  const columnSize = useCallback((i: number) => layout.center[i]?.width ?? 0, [layout]);
  const columnKey = useCallback((i: number) => layout.center[i]?.id ?? i, [layout]);
  const columns = useVirtualizer({
    horizontal: true,
    count: layout.center.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: columnSize,
    getItemKey: columnKey,
    overscan: 2,
    paddingStart: pinnedWidth,
    scrollPaddingStart: pinnedWidth,
  });
  useEffect(() => {
    columns.measure();
  }, [columns, layout]);
  const visibleColumns = columns.getVirtualItems();
  const from = visibleColumns[0]?.index ?? 0;
  const to = visibleColumns[visibleColumns.length - 1]?.index ?? -1;
  const range: ColumnRange = useMemo(() => columnRange(layout, from, to), [layout, from, to]);
  return { rows, columns, range };
}
