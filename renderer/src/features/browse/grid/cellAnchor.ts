/**
 * Where an editor opened on a grid cell floats, and where that cell is now: the grid scrolls
 * (or is resized) under an open editor, and the editor follows its cell (CellEditPopover).
 */
import { HEADER_HEIGHT, ROW_HEIGHT } from './layout';

/** A cell's place (viewport coordinates), and which cell it is, to find it again. */
export interface CellAnchor {
  left: number;
  top: number;
  bottom: number;
  /** Which cell: absent for an editor at no cell. */
  cell?: CellRef;
}

/** A cell of a grid: the grid element's id, the row's id and display index, the column. */
export interface CellRef {
  grid: string;
  row: string;
  /** Where the row was last seen (display order): it places a row that is not rendered. */
  index: number;
  column: string;
}

/** The anchor of cell element `el` (row `row`, column `column` of the grid element `grid`). */
export function anchorOf(el: Element | null | undefined, cell: CellRef): CellAnchor | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, bottom: r.bottom, cell };
}

/** The grid element of an anchor, when it is still in the document. */
export const anchorGrid = (a: CellAnchor): HTMLElement | null =>
  a.cell ? document.getElementById(a.cell.grid) : null;

/**
 * Where the anchor's cell is now. A cell scrolled out of the grid's rows (above them, below them,
 * or no longer rendered) gives the edge of the rows it left by: the editor stays at the grid,
 * beside where its cell went, rather than floating over other rows or off the screen.
 */
export function currentAnchor(a: CellAnchor): CellAnchor {
  const grid = anchorGrid(a);
  if (!grid || !a.cell) return a;
  const { row, column } = a.cell;
  const rowEl = grid.querySelector<HTMLElement>(`[role="row"][data-id="${CSS.escape(row)}"]`);
  const el = rowEl?.querySelector(`[data-col="${CSS.escape(column)}"]`);
  const g = grid.getBoundingClientRect();
  const index = rowEl ? Number(rowEl.dataset.row) : a.cell.index;
  let at: { left: number; top: number; bottom: number };
  if (el) at = el.getBoundingClientRect();
  else {
    // Not rendered: scrolled away. Rows have one height, so where it is is arithmetic.
    const top = g.top + grid.clientTop + HEADER_HEIGHT + index * ROW_HEIGHT - grid.scrollTop;
    at = { left: a.left, top, bottom: top + ROW_HEIGHT };
  }
  const rowsTop = g.top + HEADER_HEIGHT;
  const clampY = (y: number) => Math.min(g.bottom, Math.max(rowsTop, y));
  return {
    left: Math.min(g.right, Math.max(g.left, at.left)),
    top: clampY(at.top),
    bottom: clampY(at.bottom),
    cell: { ...a.cell, index },
  };
}
