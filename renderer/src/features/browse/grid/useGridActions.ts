import { useCallback, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { dynamoJsonText } from '../../../../../shared/dynamo/dynamoJson';
import { plainJsonText } from '../../../../../shared/dynamo/plainJson';
import type { Item } from '../../../../../shared/dynamo/types';
import { anchorOf, type CellAnchor } from './cellAnchor';
import { copyText } from './cellText';
import { copyToClipboard } from './clipboard';
import type { MenuAction } from '../../../ui/ContextMenu';
import type { GridRow } from './gridFeatures';
import type { GridNav } from './keyboard';
import { GUTTER_WIDTH, ROW_HEIGHT, HEADER_HEIGHT, type GridLayout } from './layout';
import { clickSelection, selectAll, type ClickModifiers, type Selection } from './selection';
import type { GridTable } from './useGridTable';

export interface GridActionsInput {
  table: GridTable;
  rows: GridRow[];
  layout: GridLayout;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The grid element's id: an editor opened on a cell finds the cell by it. */
  gridId: string;
  selection: Selection;
  activeId: string | null;
  onSelect: (selection: Selection, activeId: string | null) => void;
  onInspect: (id: string, column: string | null) => void;
  onEditCell?: (id: string, column: string, anchor: CellAnchor | null) => void;
  onDeleteRows?: () => void;
  /** Extra context menu entries for the row `id` (staging actions). */
  extraMenuActions?: (id: string | null) => MenuAction[];
  scrollToCell: (row: number, centerColumn: number | null) => void;
}

const PLAIN: ClickModifiers = { range: false, toggle: false };

/** What the grid does on clicks and keys: selection, focus, copying and the context menu. */
export function useGridActions(p: GridActionsInput) {
  const [activeCol, setActiveCol] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [notice, setNotice] = useState('');
  const anchor = useRef<string | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const { rows, layout } = p;
  const columnIds = useMemo(() => [...layout.start, ...layout.center].map((c) => c.id), [layout]);
  // id -> display index, built on first use after the rows change (or grew: a load appends to
  // the rows array itself, sharedRowModel.ts).
  const indexCache = useRef<{ rows: GridRow[]; length: number; map: Map<string, number> } | null>(
    null,
  );
  const indexOf = (id: string | null): number => {
    if (id === null) return -1;
    let cached = indexCache.current;
    if (cached?.rows !== rows || cached.length !== rows.length) {
      cached = { rows, length: rows.length, map: new Map(rows.map((r, i) => [r.id, i])) };
      indexCache.current = cached;
    }
    return cached.map.get(id) ?? -1;
  };
  const rowIdAt = (i: number) => rows[i]?.id ?? '';
  const itemOf = (id: string | null): Item | undefined =>
    id === null ? undefined : p.table.getCoreRowModel().rowsById[id]?.original;

  const select = (index: number, column: string | null, mods: ClickModifiers) => {
    const row = rows[index];
    if (!row) return;
    const r = clickSelection(p.selection, indexOf(anchor.current), index, rowIdAt, mods);
    anchor.current = r.anchor;
    p.onSelect(r.selection, row.id);
    if (column !== null) setActiveCol(column);
  };

  const copy = async (text: string, what: string) => {
    const ok = await copyToClipboard(text);
    setNotice(ok ? `Copied ${what}` : `Could not copy ${what}`);
  };
  const copyCell = () => {
    const item = itemOf(p.activeId);
    if (!item || activeCol === null) return;
    const v = item[activeCol];
    void copy(v === undefined ? '' : copyText(v), `${activeCol}`);
  };
  const copyRow = (dynamo: boolean) => {
    const item = itemOf(p.activeId);
    if (!item) return;
    void copy(dynamo ? dynamoJsonText(item) : plainJsonText(item), 'row as JSON');
  };

  const nav: GridNav = {
    rowCount: rows.length,
    columnCount: columnIds.length,
    pageRows: () =>
      Math.floor(((p.scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT),
    row: indexOf(p.activeId),
    col: activeCol === null ? -1 : columnIds.indexOf(activeCol),
    moveTo(row, col, extend) {
      select(row, columnIds[col] ?? null, { range: extend, toggle: false });
      const center = col - layout.start.length;
      p.scrollToCell(row, center >= 0 ? center : null);
    },
    selectAll: () => p.onSelect(selectAll(rows.length, rowIdAt), p.activeId),
    toggleRow: (row) => select(row, null, { range: false, toggle: true }),
    copyCell,
    copyRow: () => copyRow(false),
    open: () => {
      if (p.activeId !== null) p.onInspect(p.activeId, activeCol);
    },
    canEdit: p.onEditCell !== undefined,
    edit: () => {
      if (p.activeId === null || activeCol === null) return;
      const row = indexOf(p.activeId);
      const cell = p.scrollRef.current?.querySelector(
        `[data-row="${row}"] [data-col="${CSS.escape(activeCol)}"]`,
      );
      const at = { grid: p.gridId, row: p.activeId, index: row, column: activeCol };
      p.onEditCell?.(p.activeId, activeCol, anchorOf(cell, at));
    },
    deleteRows: () => p.onDeleteRows?.(),
    clearSelection: () => p.onSelect({}, p.activeId),
  };

  const target = (e: MouseEvent) => {
    const el = e.target as HTMLElement;
    const rowEl = el.closest<HTMLElement>('[data-row]');
    if (!rowEl) return null;
    const index = Number(rowEl.dataset.row);
    const column = el.closest<HTMLElement>('[data-col]')?.dataset.col ?? null;
    return { el, index, column, id: rowIdAt(index) };
  };

  const pointer = {
    onMouseDown(e: MouseEvent) {
      // Shift+click selects rows, not text.
      if (e.shiftKey && target(e)) e.preventDefault();
    },
    onClick(e: MouseEvent) {
      const t = target(e);
      if (!t) return;
      p.scrollRef.current?.focus({ preventScroll: true });
      if (t.el.closest('[data-check]')) {
        select(t.index, null, { range: e.shiftKey, toggle: true });
      } else if (t.el.closest('[data-open]')) {
        select(t.index, t.column, PLAIN);
        p.onInspect(t.id, t.column);
      } else {
        select(t.index, t.column, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
      }
    },
    onDoubleClick(e: MouseEvent) {
      const t = target(e);
      if (!t?.column || t.el.closest('[data-check]')) return;
      const at = { grid: p.gridId, row: t.id, index: t.index, column: t.column };
      p.onEditCell?.(t.id, t.column, anchorOf(t.el.closest('[data-col]'), at));
    },
    onContextMenu(e: MouseEvent) {
      const t = target(e);
      if (!t) return;
      e.preventDefault();
      if (p.selection[t.id]) p.onSelect(p.selection, t.id);
      else select(t.index, null, PLAIN);
      if (t.column) setActiveCol(t.column);
      setMenu({ x: e.clientX, y: e.clientY });
    },
  };

  const menuActions: MenuAction[] = [
    { label: 'Copy cell', shortcut: 'Ctrl+C', run: copyCell },
    { label: 'Copy row as JSON', shortcut: 'Ctrl+Shift+C', run: () => copyRow(false) },
    { label: 'Copy row as DynamoDB JSON', run: () => copyRow(true) },
    // Enter edits the cell where the grid edits; Shift+Enter then opens the inspector.
    { label: 'Show in inspector', shortcut: p.onEditCell ? 'Shift+Enter' : 'Enter', run: nav.open },
  ];
  if (p.onEditCell) menuActions.unshift({ label: 'Edit cell…', shortcut: 'Enter', run: nav.edit });
  if (p.extraMenuActions) menuActions.push(...p.extraMenuActions(p.activeId));

  return {
    activeCol,
    columnIds,
    rowIdAt,
    nav,
    pointer,
    menu,
    closeMenu,
    menuActions,
    notice,
    pinnedWidth: GUTTER_WIDTH + layout.startWidth,
  };
}
