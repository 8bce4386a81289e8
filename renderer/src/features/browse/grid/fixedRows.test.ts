import { describe, expect, test } from 'vitest';
import {
  listHeight,
  offsetToShow,
  rowsInView,
  rowTop,
  rowWindow,
  type FixedRows,
} from './fixedRows';

const rows = (count: number): FixedRows => ({ count, rowHeight: 28, paddingStart: 30 });

describe('fixed-height rows', () => {
  test('row tops and the list height are arithmetic, at any count', () => {
    expect(rowTop(rows(10), 0)).toBe(30);
    expect(rowTop(rows(10), 3)).toBe(30 + 3 * 28);
    expect(listHeight(rows(0))).toBe(30);
    expect(listHeight(rows(1_000_000))).toBe(30 + 28_000_000);
  });

  test('the rows in view, even in part', () => {
    // A 300 px viewport at the top: the header, then rows 0..9 (row 9 cut off at 30+270=300).
    expect(rowsInView(rows(100), 0, 300)).toEqual({ first: 0, last: 9 });
    // Row 0 still shows in part under the header; scrolled one row further it has left.
    expect(rowsInView(rows(100), 28, 300)).toEqual({ first: 0, last: 10 });
    expect(rowsInView(rows(100), 58, 300)).toEqual({ first: 1, last: 11 });
    // Fewer rows than the viewport holds, and none at all.
    expect(rowsInView(rows(3), 0, 300)).toEqual({ first: 0, last: 2 });
    expect(rowsInView(rows(0), 0, 300)).toEqual({ first: 0, last: -1 });
    // The last rows of a million.
    const big = rows(1_000_000);
    const bottom = listHeight(big) - 300;
    expect(rowsInView(big, bottom, 300).last).toBe(999_999);
  });

  test('the window holds an even pool of consecutive rows that keeps its size while scrolling', () => {
    const r = rows(1000);
    const w0 = rowWindow(r, 0, 300, 1, 2);
    expect(w0).toEqual({ from: 0, to: 11, pool: 12 });
    // Rows in view vary with the offset (a row cut at either edge): the pool grows to the
    // larger count and keeps it, and the window slides.
    const w1 = rowWindow(r, 72, 300, 1, w0.pool);
    expect(w1).toEqual({ from: 0, to: 13, pool: 14 });
    const w2 = rowWindow(r, 28 * 100, 300, 1, w1.pool);
    expect(w2).toEqual({ from: 97, to: 110, pool: 14 });
    expect(rowWindow(r, 0, 300, 1, w2.pool).pool).toBe(14);
    // At the bottom the window ends at the last row and still holds a full pool.
    const w3 = rowWindow(r, listHeight(r) - 300, 300, 1, w2.pool);
    expect(w3.to).toBe(999);
    expect(w3.to - w3.from + 1).toBe(14);
    // A smaller viewport shrinks the pool; fewer rows than the pool render them all.
    expect(rowWindow(r, 0, 100, 1, 12).pool).toBe(6);
    expect(rowWindow(rows(3), 0, 300, 1, 12)).toEqual({ from: 0, to: 2, pool: 6 });
    expect(rowWindow(rows(0), 0, 300, 1, 12).to).toBeLessThan(0);
  });

  test('scrolling a row into view: auto moves as little as it can, clear of the header', () => {
    const r = rows(1000);
    // In full view: nothing moves.
    expect(offsetToShow(r, 5, 'auto', 0, 300)).toBe(0);
    // Below the view: its bottom at the viewport's bottom.
    expect(offsetToShow(r, 20, 'auto', 0, 300)).toBe(30 + 21 * 28 - 300);
    // Above the view (under the sticky header): its top just below the header.
    expect(offsetToShow(r, 10, 'auto', 28 * 50, 300)).toBe(10 * 28);
    // Partly under the header counts as above.
    expect(offsetToShow(r, 50, 'auto', 28 * 50 + 1, 300)).toBe(28 * 50);
    expect(offsetToShow(r, 7, 'start', 0, 300)).toBe(7 * 28);
    expect(offsetToShow(r, 7, 'end', 0, 300)).toBe(0);
    // Clamped: the first row at offset 0, the last at the end of the list.
    expect(offsetToShow(r, 999, 'start', 0, 300)).toBe(listHeight(r) - 300);
    expect(offsetToShow(r, 5000, 'auto', 0, 300)).toBe(listHeight(r) - 300);
    expect(offsetToShow(r, 0, 'auto', 28 * 50, 300)).toBe(0);
  });
});
