import { useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
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
 * nothing is measured, and rows are keyed by index (the default): a key callback that read the
 * rows would change with every page of a load and make the virtualizer look up a string key for
 * every row (1,000,000 of them) each time. The size callback keeps its identity between renders.
 *
 * Rows render from a pool of slots, keyed by slot (`index % pool`) rather than by id: a row
 * scrolled out hands its DOM nodes to the row scrolled in (text and attributes change, nothing is
 * created or removed) while rows that stay in view keep theirs. For that the range always holds
 * `pool` consecutive rows (the count would otherwise vary by one with the scroll offset, and the
 * slot left empty would unmount and mount again), and the pool is even, so a slot always holds
 * rows of the same parity and its odd/even striping never changes.
 */
export function useRowVirtual(scrollRef: RefObject<HTMLDivElement | null>, count: number) {
  const pool = useRef(2);
  const rangeExtractor = useCallback((r: Range) => {
    let wanted = r.endIndex - r.startIndex + 1 + 2 * r.overscan;
    wanted += wanted % 2;
    // The rows in view vary by one with the scroll offset, so `wanted` by two: the pool keeps the
    // larger size, and shrinks only when the viewport has.
    if (wanted > pool.current || wanted + 2 < pool.current) pool.current = wanted;
    const size = Math.min(pool.current, r.count);
    const to = Math.min(r.count - 1, Math.max(0, r.startIndex - r.overscan) + size - 1);
    const from = Math.max(0, to - size + 1);
    const out: number[] = [];
    for (let i = from; i <= to; i++) out.push(i);
    return out;
  }, []);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    rangeExtractor,
    overscan: 1,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
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
