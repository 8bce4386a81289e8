import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import {
  columnRange,
  GUTTER_WIDTH,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  type ColumnRange,
  type GridLayout,
} from './layout';

const rowSize = () => ROW_HEIGHT;

export type RowVirtualizer = Virtualizer<HTMLDivElement, Element>;

/**
 * The row virtualizer: only rows in view (plus a few) render. Rows have a fixed height, so
 * nothing is measured. The size and key callbacks keep their identity between renders: a new one
 * makes the virtualizer recompute the offsets of every row.
 */
export function useRowVirtual(
  scrollRef: RefObject<HTMLDivElement | null>,
  rows: { readonly length: number; at(i: number): { id: string } | undefined },
) {
  const rowKey = useCallback((i: number) => rows.at(i)?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    getItemKey: rowKey,
    overscan: 1,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  // Rows are keyed by their slot in a pool, not by id: a row scrolled out hands its DOM nodes to
  // the row scrolled in (text and attributes change, nothing is created or removed), while rows
  // that stay in view keep their slot.
  const pool = useRef(1);
  pool.current = Math.max(pool.current, items.length);
  return { virtualizer, items, pool: pool.current };
}

/** The column virtualizer over the scrolling (unpinned) columns. */
export function useColumnVirtual(scrollRef: RefObject<HTMLDivElement | null>, layout: GridLayout) {
  const pinnedWidth = GUTTER_WIDTH + layout.startWidth;
  const columnSize = useCallback((i: number) => layout.center[i]?.width ?? 0, [layout]);
  const columnKey = useCallback((i: number) => layout.center[i]?.id ?? i, [layout]);
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: layout.center.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: columnSize,
    getItemKey: columnKey,
    overscan: 1,
    paddingStart: pinnedWidth,
    scrollPaddingStart: pinnedWidth,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, layout]);
  const visible = virtualizer.getVirtualItems();
  const from = visible[0]?.index ?? 0;
  const to = visible[visible.length - 1]?.index ?? -1;
  const range: ColumnRange = useMemo(() => columnRange(layout, from, to), [layout, from, to]);
  return { virtualizer, range };
}
