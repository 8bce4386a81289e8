import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { GridHeader } from './GridHeader';
import { GridBody } from './GridBody';
import type { RowStaging } from './GridRow';
import { ContextMenu } from '../../../ui/ContextMenu';
import { moveColumn } from './columnOrder';
import { selectView, useGridViewStore } from './gridViewStore';
import { handleGridKey } from './keyboard';
import { computeLayout } from './layout';
import { countShownSelected, selectAll, type Selection } from './selection';
import type { CellAnchor } from './cellAnchor';
import { useGridActions } from './useGridActions';
import type { MenuAction } from '../../../ui/ContextMenu';
import { useGridTable, type GridData } from './useGridTable';
import { useColumnVirtual, type RowVirtualizer } from './useGridVirtual';

export interface ItemsGridProps {
  /** Identifies the grid's view (layout, sort, quick filter) in the grid view store. */
  viewKey: string;
  data: GridData;
  label: string;
  selection: Selection;
  activeId: string | null;
  onSelect: (selection: Selection, activeId: string | null) => void;
  /** Show a row (and one of its attributes) in the inspector. */
  onInspect: (id: string, column: string | null) => void;
  /** For staging: a row's staged state (tint, changed cells and what they were). */
  rowStaging?: (id: string) => RowStaging | undefined;
  /** For staging: open an editor on a cell (double-click, Enter, F2, the context menu). */
  onEditCell?: (id: string, column: string, anchor: CellAnchor | null) => void;
  /** For staging: text pasted (Ctrl/Cmd+V) while the grid has the focus. */
  onPaste?: (paste: GridPaste) => void;
  /** For staging: the Delete key. */
  onDeleteRows?: () => void;
  /** For staging: more context menu entries for a row. */
  extraMenuActions?: (id: string | null) => MenuAction[];
  /** Why the selection was last cleared from outside (a new query), for the footer. */
  selectionNote?: string;
}

/** A paste into the grid, at the focused cell (row and column are -1 when none is focused). */
export interface GridPaste {
  text: string;
  row: number;
  column: number;
  /** Attribute names in display order, pinned key columns first. */
  columns: readonly string[];
  rowCount: number;
  rowIdAt(index: number): string | undefined;
}

/**
 * The item grid: virtual rows and columns over a TanStack table, key columns pinned at the start,
 * click/Shift/Ctrl selection, keyboard navigation, copy, column sort/resize/reorder.
 */
export function ItemsGrid(p: ItemsGridProps) {
  const view = useGridViewStore(selectView(p.viewKey));
  const update = useGridViewStore((s) => s.update);
  const { selection, activeId, onSelect } = p;
  const table = useGridTable(p.data, p.viewKey, view, selection, (next) =>
    onSelect(next, activeId),
  );
  const rows = table.getRowModel().rows;
  const startCols = table.getStartVisibleLeafColumns();
  const centerCols = table.getCenterVisibleLeafColumns();
  const signature = [startCols, centerCols]
    .map((cols) => cols.map((c) => `${c.id}\u0000${c.getSize()}`).join('\u0001'))
    .join('\u0002');
  // Recomputed only when column ids or widths change, so rows keep their memoised renders.
  const layout = useMemo(
    () => computeLayout(startCols, centerCols, view.dateColumns),
    [signature, view.dateColumns],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // The focus stays on the grid element; assistive tech follows the focused cell through
  // aria-activedescendant, whatever the order of the rows in the DOM (see GridBody).
  const gridId = useId();
  const activeCellId = `${gridId}-active-cell`;
  const rowVirtualizer = useRef<RowVirtualizer | null>(null);
  const columns = useColumnVirtual(scrollRef, layout);
  const actions = useGridActions({
    table,
    rows,
    layout,
    scrollRef,
    gridId,
    selection,
    activeId,
    onSelect,
    onInspect: p.onInspect,
    onEditCell: p.onEditCell,
    onDeleteRows: p.onDeleteRows,
    extraMenuActions: p.extraMenuActions,
    scrollToCell: (row, col) => {
      rowVirtualizer.current?.scrollToIndex(row, { align: 'auto' });
      if (col !== null) columns.virtualizer.scrollToIndex(col, { align: 'auto' });
    },
  });

  const selectedCount = useMemo(() => Object.keys(selection).length, [selection]);
  // A load appends to the rows array itself (sharedRowModel.ts): its length is a dependency too.
  const rowCount = rows.length;
  const shownSelected = useMemo(
    () =>
      selectedCount === 0 ? 0 : countShownSelected(selection, rowCount, (i) => rows[i]?.id ?? ''),
    [selection, selectedCount, rows, rowCount],
  );
  const allSelected = rowCount > 0 && shownSelected === rowCount;
  // The selection is of visible rows: rows the quick filter hides (or that went away) leave it,
  // and so does the inspector's row, so no bulk action ever acts on a row the user cannot see.
  const [narrowed, setNarrowed] = useState<{ note: string; selection: Selection } | null>(null);
  const filtering = view.quickFilter.trim() !== '';
  useEffect(() => {
    const shownById = table.getRowModel().rowsById;
    const activeGone = activeId !== null && !shownById[activeId];
    if (shownSelected === selectedCount && !activeGone) return;
    const next: Selection = {};
    for (const id in selection) if (shownById[id]) next[id] = true;
    const dropped = selectedCount - shownSelected;
    onSelect(next, activeGone ? null : activeId);
    if (dropped > 0) {
      const rowsText = `${dropped.toLocaleString('en-US')} selected ${dropped === 1 ? 'row' : 'rows'}`;
      const note = `${rowsText} ${filtering ? 'hidden by the filter' : 'no longer shown'} unselected`;
      setNarrowed({ note, selection: next });
    }
  }, [
    rows,
    rowCount,
    shownSelected,
    selectedCount,
    activeId,
    selection,
    onSelect,
    table,
    filtering,
  ]);
  // A note stands until the user changes the selection.
  const note =
    narrowed?.selection === selection
      ? narrowed.note
      : selectedCount === 0 && p.selectionNote
        ? p.selectionNote
        : '';
  const headers = Object.fromEntries(table.getFlatHeaders().map((h) => [h.column.id, h]));
  const keyRoles: Record<string, 'PK' | 'SK'> = { [p.data.keySchema.partitionKey.name]: 'PK' };
  if (p.data.keySchema.sortKey) keyRoles[p.data.keySchema.sortKey.name] = 'SK';
  const onMove = (dragged: string, target: string) => {
    const order = table.getCenterLeafColumns().map((c) => c.id);
    const keys = table.getStartLeafColumns().map((c) => c.id);
    update(p.viewKey, 'columnOrder', [...keys, ...moveColumn(order, dragged, target)]);
  };

  return (
    <div className="items-grid">
      <div
        ref={scrollRef}
        id={gridId}
        className="grid-scroll"
        role="grid"
        aria-label={p.label}
        aria-rowcount={rows.length + 1}
        aria-colcount={1 + layout.start.length + layout.center.length}
        aria-multiselectable="true"
        aria-activedescendant={
          activeId !== null && actions.activeCol !== null ? activeCellId : undefined
        }
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget) return;
          if (handleGridKey(e, actions.nav)) e.preventDefault();
        }}
        onPaste={(e) => {
          if (!p.onPaste || e.target !== e.currentTarget) return;
          const text = e.clipboardData.getData('text/plain');
          if (!text) return;
          e.preventDefault();
          p.onPaste({
            text,
            row: actions.nav.row,
            column: actions.nav.col,
            columns: actions.columnIds,
            rowCount: rows.length,
            rowIdAt: (i) => rows[i]?.id,
          });
        }}
        {...actions.pointer}
      >
        <GridBody
          scrollRef={scrollRef}
          virtualizerRef={rowVirtualizer}
          header={
            <GridHeader
              headers={headers}
              layout={layout}
              range={columns.range}
              keyRoles={keyRoles}
              allSelected={allSelected}
              someSelected={shownSelected > 0}
              onToggleAll={() =>
                onSelect(
                  allSelected ? {} : selectAll(rows.length, (i) => rows[i]?.id ?? ''),
                  activeId,
                )
              }
              onMove={onMove}
            />
          }
          rows={rows}
          rowCount={rowCount}
          layout={layout}
          range={columns.range}
          selection={selection}
          activeId={activeId}
          activeCol={actions.activeCol}
          activeCellId={activeCellId}
          rowStaging={p.rowStaging}
        />
        {rows.length === 0 && <p className="grid-empty muted">No rows to show.</p>}
      </div>
      <div className="grid-footer">
        <span data-testid="grid-counts">
          {p.data.items.length.toLocaleString('en-US')} loaded ·{' '}
          {rows.length.toLocaleString('en-US')} shown · {selectedCount.toLocaleString('en-US')}{' '}
          selected
        </span>
        {note && (
          <span className="selection-note" data-testid="selection-note">
            {note}
          </span>
        )}
        <span className="grid-notice" role="status" aria-live="polite">
          {actions.notice}
        </span>
      </div>
      {actions.menu && (
        <ContextMenu
          x={actions.menu.x}
          y={actions.menu.y}
          label="Cell actions"
          actions={actions.menuActions}
          onClose={actions.closeMenu}
        />
      )}
    </div>
  );
}
