/**
 * Where rows of one fixed height lie in a scrolled list, by arithmetic: which rows a scroll
 * offset shows, the list's height, and the offset that brings a row into view. Nothing here
 * grows with the row count, so appending a page of rows to a million costs nothing (a general
 * virtualizer keeps one measured entry per row and rebuilds them all when the count changes).
 */
export interface FixedRows {
  /** Rows in the list. */
  count: number;
  /** The height of every row, px. */
  rowHeight: number;
  /** Space above the first row (the sticky header), px: it also stays clear when scrolling to a row. */
  paddingStart: number;
}

/** The rows to render: `from` to `to` inclusive (`to < from` when there are none). */
export interface RowWindow {
  from: number;
  to: number;
  /** The slot pool: rows render keyed by `index % pool` (see useGridVirtual.ts). */
  pool: number;
}

export type Align = 'auto' | 'start' | 'end';

/** The top of row `index`, px from the list's top. */
export const rowTop = (rows: FixedRows, index: number) =>
  rows.paddingStart + index * rows.rowHeight;

/** The list's height, px. */
export const listHeight = (rows: FixedRows) => rowTop(rows, rows.count);

/** The first and last rows that a viewport of `height` px scrolled to `top` shows, even in part. */
export function rowsInView(
  rows: FixedRows,
  top: number,
  height: number,
): { first: number; last: number } {
  if (rows.count === 0) return { first: 0, last: -1 };
  const max = rows.count - 1;
  const first = Math.min(max, Math.max(0, Math.floor((top - rows.paddingStart) / rows.rowHeight)));
  const last = Math.min(
    max,
    Math.max(first, Math.ceil((top + height - rows.paddingStart) / rows.rowHeight) - 1),
  );
  return { first, last };
}

/**
 * The rows to render at scroll offset `top`: those in view and `overscan` rows either side, as
 * `pool` consecutive rows. The pool is even (a slot then always holds rows of one parity, so its
 * striping never changes) and keeps its size while the rows in view vary by one with the scroll
 * offset; it shrinks only when the viewport has. `pool` is the previous window's pool.
 */
export function rowWindow(
  rows: FixedRows,
  top: number,
  height: number,
  overscan: number,
  pool: number,
): RowWindow {
  const { first, last } = rowsInView(rows, top, height);
  let wanted = last - first + 1 + 2 * overscan;
  wanted += wanted % 2;
  const size = wanted > pool || wanted + 2 < pool ? wanted : pool;
  const to = Math.min(
    rows.count - 1,
    Math.max(0, first - overscan) + Math.min(size, rows.count) - 1,
  );
  const from = Math.max(0, to - Math.min(size, rows.count) + 1);
  return { from, to, pool: Math.max(2, size) };
}

/**
 * The scroll offset that shows row `index` in a viewport of `height` px scrolled to `top`:
 * 'start' puts it just below the header, 'end' at the bottom, 'auto' moves as little as it can
 * (nothing when the row is in full view). Clamped to the offsets the list allows.
 */
export function offsetToShow(
  rows: FixedRows,
  index: number,
  align: Align,
  top: number,
  height: number,
): number {
  const i = Math.min(Math.max(0, index), Math.max(0, rows.count - 1));
  const start = rowTop(rows, i);
  const end = start + rows.rowHeight;
  let side: 'start' | 'end' | null = align === 'auto' ? null : align;
  if (side === null) {
    if (end > top + height) side = 'end';
    else if (start < top + rows.paddingStart) side = 'start';
    else return top;
  }
  const to = side === 'start' ? start - rows.paddingStart : end - height;
  const max = Math.max(0, listHeight(rows) - height);
  return Math.min(max, Math.max(0, to));
}
