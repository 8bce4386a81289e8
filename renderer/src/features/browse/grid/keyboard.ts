/** Keyboard navigation of the grid: which key does what, apart from how the grid does it. */

export interface GridNav {
  rowCount: number;
  columnCount: number;
  /** Rows that fit in the viewport, for PageUp/PageDown (read only when paging: it measures). */
  pageRows(): number;
  /** The focused cell, or null before the first one. */
  row: number;
  col: number;
  /** Focus a cell; `extend` grows the selection from the anchor (Shift). */
  moveTo(row: number, col: number, extend: boolean): void;
  selectAll(): void;
  toggleRow(row: number): void;
  copyCell(): void;
  copyRow(): void;
  /** Open the focused value in the inspector (Enter when the grid cannot edit). */
  open(): void;
  /** Whether the grid edits cells: then Enter (and F2) edit the focused cell. */
  canEdit: boolean;
  /** Enter or F2: edit the focused cell. */
  edit(): void;
  /** Delete: stage deletes of the selected rows (asks first). */
  deleteRows(): void;
  clearSelection(): void;
}

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/** Applies one key press to the grid; true when the key was the grid's (prevent its default). */
export function handleGridKey(e: KeyInput, nav: GridNav): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey || nav.rowCount === 0) return false;
  const lastRow = nav.rowCount - 1;
  const lastCol = nav.columnCount - 1;
  const row = nav.row < 0 ? 0 : nav.row;
  const col = nav.col < 0 ? 0 : nav.col;
  const go = (r: number, c: number) => {
    nav.moveTo(clamp(r, lastRow), clamp(c, lastCol), e.shiftKey);
    return true;
  };
  // The first arrow press focuses the first cell rather than moving past it.
  const first = nav.row < 0;
  switch (e.key) {
    case 'ArrowDown':
      return go(first ? 0 : mod ? lastRow : row + 1, col);
    case 'ArrowUp':
      return go(mod ? 0 : row - 1, col);
    case 'ArrowRight':
      return go(row, first ? 0 : mod ? lastCol : col + 1);
    case 'ArrowLeft':
      return go(row, mod ? 0 : col - 1);
    case 'Home':
      return go(mod ? 0 : row, 0);
    case 'End':
      return go(mod ? lastRow : row, lastCol);
    case 'PageDown':
      return go(row + Math.max(1, nav.pageRows() - 1), col);
    case 'PageUp':
      return go(row - Math.max(1, nav.pageRows() - 1), col);
    case ' ':
      nav.toggleRow(row);
      return true;
    case 'Enter':
      if (nav.canEdit && !e.shiftKey) nav.edit();
      else nav.open();
      return true;
    case 'F2':
      nav.edit();
      return true;
    case 'Escape':
      nav.clearSelection();
      return true;
    case 'Delete':
      if (!nav.canEdit) return false;
      nav.deleteRows();
      return true;
  }
  if (!mod) return false;
  switch (e.key.toLowerCase()) {
    case 'a':
      nav.selectAll();
      return true;
    case 'c':
      if (e.shiftKey) nav.copyRow();
      else nav.copyCell();
      return true;
  }
  return false;
}
