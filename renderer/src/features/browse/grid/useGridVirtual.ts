import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import {
  listHeight,
  offsetToShow,
  rowsInView,
  rowTop,
  rowWindow,
  type Align,
  type FixedRows,
} from './fixedRows';
import {
  columnRange,
  GUTTER_WIDTH,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  type ColumnRange,
  type GridLayout,
} from './layout';

/** Scrolls a row into view (keyboard moves, the inspector's row). */
export interface RowVirtualizer {
  scrollToIndex(index: number, opts?: { align?: Align }): void;
}

/** A row to render and its top, px. */
export interface RowSlot {
  index: number;
  start: number;
}

const OVERSCAN = 1;

interface View {
  top: number;
  height: number;
}

/** Same rows in view: a scroll that keeps them needs no render. */
const sameRows = (rows: FixedRows, a: View, b: View) => {
  if (a.height !== b.height) return false;
  const x = rowsInView(rows, a.top, a.height);
  const y = rowsInView(rows, b.top, b.height);
  return x.first === y.first && x.last === y.last;
};

/**
 * The row virtualizer: only rows in view (plus one either side) render. Rows have one fixed
 * height, so where each lies is arithmetic (fixedRows.ts): appending a page to a million rows
 * costs nothing here (a general virtualizer rebuilt one measured entry per row each time, tens of
 * milliseconds at a million rows). A scroll renders only when the rows in view change, at once
 * (flushSync), so the rows are there in the frame that paints the scroll.
 *
 * Rows render from a pool of slots, keyed by slot (`index % pool`) rather than by id: a row
 * scrolled out hands its DOM nodes to the row scrolled in (text and attributes change, nothing is
 * created or removed) while rows that stay in view keep theirs. For that the window always holds
 * `pool` consecutive rows, and the pool is even, so a slot always holds rows of the same parity
 * and its odd/even striping never changes.
 */
export function useRowVirtual(scrollRef: RefObject<HTMLDivElement | null>, count: number) {
  const rows: FixedRows = { count, rowHeight: ROW_HEIGHT, paddingStart: HEADER_HEIGHT };
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  // Until the viewport is measured, the window's height (the grid fills most of it): the first
  // paint already has its rows.
  const [view, setView] = useState<View>(() => ({ top: 0, height: globalThis.innerHeight ?? 0 }));
  const pool = useRef(2);
  const bound = useRef<{ el: HTMLDivElement; off: () => void } | null>(null);

  // The scroll element is this component's parent: its ref is set after this component's layout
  // effects on the first commit, so the binding is checked after every commit, layout and passive.
  const bind = () => {
    const el = scrollRef.current;
    if (bound.current?.el === el) return;
    bound.current?.off();
    bound.current = el ? { el, off: watch(el) } : null;
  };
  const watch = (el: HTMLDivElement) => {
    const read = (sync: boolean) => {
      const next = { top: el.scrollTop, height: el.clientHeight };
      const update = () => setView((prev) => (sameRows(rowsRef.current, prev, next) ? prev : next));
      if (sync) flushSync(update);
      else update();
    };
    read(false);
    const onScroll = () => read(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    const resized = new ResizeObserver(() => read(false));
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
  };
  useLayoutEffect(bind);
  useEffect(bind);
  useEffect(
    () => () => {
      bound.current?.off();
      bound.current = null;
    },
    [],
  );

  const win = rowWindow(rows, view.top, view.height, OVERSCAN, pool.current);
  pool.current = win.pool;
  const items: RowSlot[] = [];
  for (let i = win.from; i <= win.to; i++) items.push({ index: i, start: rowTop(rows, i) });

  const virtualizer = useMemo<RowVirtualizer>(
    () => ({
      scrollToIndex(index, opts) {
        const el = scrollRef.current;
        if (!el) return;
        const top = offsetToShow(
          rowsRef.current,
          index,
          opts?.align ?? 'auto',
          el.scrollTop,
          el.clientHeight,
        );
        if (top !== el.scrollTop) el.scrollTop = top;
      },
    }),
    [scrollRef],
  );
  return { virtualizer, items, pool: win.pool, totalSize: listHeight(rows) };
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
