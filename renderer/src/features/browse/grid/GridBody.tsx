import { memo, type ReactNode, type RefObject } from 'react';
import type { GridRow as TableRow } from './gridFeatures';
import { GridRow, type RowStaging } from './GridRow';
import { GUTTER_WIDTH, HEADER_HEIGHT, type ColumnRange, type GridLayout } from './layout';
import type { Selection } from './selection';
import { useRowVirtual, type RowVirtualizer } from './useGridVirtual';

export interface GridBodyProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Receives the row virtualizer, for scrolling a row into view. */
  virtualizerRef: { current: RowVirtualizer | null };
  header: ReactNode;
  rows: TableRow[];
  /**
   * rows.length when rendered: a load appends to the rows array itself (sharedRowModel.ts), so
   * the array alone does not tell this memoised body that there are more rows.
   */
  rowCount: number;
  layout: GridLayout;
  range: ColumnRange;
  selection: Selection;
  activeId: string | null;
  activeCol: string | null;
  /** The element id of the focused cell (the grid's aria-activedescendant). */
  activeCellId: string;
  /** A row's staged state, if it has one. */
  rowStaging?: (id: string) => RowStaging | undefined;
}

/**
 * The scrolled canvas: the sticky header, then the rows in view. It owns the row virtualizer, so
 * vertical scrolling re-renders this component alone, not the table or the header.
 *
 * The rows live in one pane that sticks to the left edge (a single composited layer for every
 * row's gutter and key cells, however many rows there are). Each row's scrolling cells leave the
 * pane: they are fixed-positioned against the canvas (which contains them, see `.grid-canvas`),
 * so they scroll both ways with it while staying inside their row element.
 */
export const GridBody = memo(function GridBody(p: GridBodyProps) {
  const { virtualizer, items, pool, totalSize: total } = useRowVirtual(p.scrollRef, p.rowCount);
  p.virtualizerRef.current = virtualizer;
  // In slot order, not display order: React then never moves a row's nodes (a moved node is
  // styled and laid out from scratch); aria-rowindex gives each row its place.
  const slots: ReactNode[] = new Array<ReactNode>(pool).fill(null);
  for (const v of items) {
    const row = p.rows[v.index];
    if (!row) continue;
    slots[v.index % pool] = (
      <GridRow
        key={v.index % pool}
        id={row.id}
        item={row.original}
        index={v.index}
        top={v.start}
        selected={p.selection[row.id] === true}
        activeColumn={row.id === p.activeId ? p.activeCol : null}
        activeCellId={row.id === p.activeId ? p.activeCellId : undefined}
        layout={p.layout}
        range={p.range}
        staging={p.rowStaging?.(row.id)}
      />
    );
  }
  return (
    <div className="grid-canvas" style={{ width: p.layout.totalWidth, height: total }}>
      {p.header}
      <div
        className="pin-pane"
        role="presentation"
        style={{ width: GUTTER_WIDTH + p.layout.startWidth, height: total - HEADER_HEIGHT }}
      >
        {slots}
      </div>
    </div>
  );
});
