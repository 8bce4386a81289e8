import { describe, expect, it, vi } from 'vitest';
import { handleGridKey, type GridNav, type KeyInput } from './keyboard';

function nav(
  row: number,
  col: number,
  canEdit = false,
): GridNav & { moves: [number, number, boolean][] } {
  const moves: [number, number, boolean][] = [];
  return {
    rowCount: 100,
    columnCount: 5,
    pageRows: () => 10,
    row,
    col,
    moves,
    moveTo: (r, c, extend) => void moves.push([r, c, extend]),
    selectAll: vi.fn(),
    toggleRow: vi.fn(),
    copyCell: vi.fn(),
    copyRow: vi.fn(),
    open: vi.fn(),
    canEdit,
    edit: vi.fn(),
    deleteRows: vi.fn(),
    clearSelection: vi.fn(),
  };
}

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('handleGridKey', () => {
  it('moves with arrows and stops at the edges', () => {
    const n = nav(0, 0);
    handleGridKey(key('ArrowUp'), n);
    handleGridKey(key('ArrowLeft'), n);
    handleGridKey(key('ArrowRight'), n);
    expect(n.moves).toEqual([
      [0, 0, false],
      [0, 0, false],
      [0, 1, false],
    ]);
    const m = nav(99, 4);
    handleGridKey(key('ArrowDown'), m);
    expect(m.moves).toEqual([[99, 4, false]]);
  });

  it('focuses the first cell on the first arrow press', () => {
    const n = nav(-1, -1);
    handleGridKey(key('ArrowDown'), n);
    expect(n.moves).toEqual([[0, 0, false]]);
  });

  it('jumps with Home/End, Ctrl+Home/End and pages', () => {
    const n = nav(50, 2);
    handleGridKey(key('Home'), n);
    handleGridKey(key('End'), n);
    handleGridKey(key('End', { ctrlKey: true }), n);
    handleGridKey(key('Home', { metaKey: true }), n);
    handleGridKey(key('PageDown'), n);
    handleGridKey(key('PageUp', { shiftKey: true }), n);
    expect(n.moves).toEqual([
      [50, 0, false],
      [50, 4, false],
      [99, 4, false],
      [0, 0, false],
      [59, 2, false],
      [41, 2, true],
    ]);
  });

  it('selects all, copies and leaves other keys alone', () => {
    const n = nav(3, 1);
    expect(handleGridKey(key('a', { ctrlKey: true }), n)).toBe(true);
    expect(n.selectAll).toHaveBeenCalled();
    handleGridKey(key('c', { metaKey: true }), n);
    expect(n.copyCell).toHaveBeenCalled();
    handleGridKey(key('C', { ctrlKey: true, shiftKey: true }), n);
    expect(n.copyRow).toHaveBeenCalled();
    expect(handleGridKey(key('x'), n)).toBe(false);
  });

  it('Enter edits the focused cell when the grid edits, else opens the inspector', () => {
    const viewOnly = nav(3, 1);
    handleGridKey(key('Enter'), viewOnly);
    expect(viewOnly.open).toHaveBeenCalled();
    expect(viewOnly.edit).not.toHaveBeenCalled();
    expect(handleGridKey(key('Delete'), viewOnly)).toBe(false);
    const editing = nav(3, 1, true);
    handleGridKey(key('Enter'), editing);
    expect(editing.edit).toHaveBeenCalledTimes(1);
    expect(editing.open).not.toHaveBeenCalled();
    handleGridKey(key('Enter', { shiftKey: true }), editing);
    expect(editing.open).toHaveBeenCalled();
    handleGridKey(key('F2'), editing);
    expect(editing.edit).toHaveBeenCalledTimes(2);
    expect(handleGridKey(key('Delete'), editing)).toBe(true);
    expect(editing.deleteRows).toHaveBeenCalled();
  });
});
