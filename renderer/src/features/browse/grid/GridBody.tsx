import { memo, type ReactNode, type RefObject } from 'react';
import type { GridRow as TableRow } from './gridFeatures';
import { GridRow, type RowStaging } from './GridRow';
import type { ColumnRange, GridLayout } from './layout';
import type { Selection } from './selection';
import { useRowVirtual, type RowVirtualizer } from './useGridVirtual';

export interface GridBodyProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Receives the row virtualizer, for scrolling a row into view. */
  virtualizerRef: { current: RowVirtualizer | null };
  header: ReactNode;
  rows: TableRow[];
  layout: GridLayout;
  range: ColumnRange;
  selection: Selection;
  activeId: string | null;
  activeCol: string | null;
  /** A row's staged state, if it has one. */
  rowStaging?: (id: string) => RowStaging | undefined;
}

/**
 * The scrolled canvas: the sticky header and the rows in view. It owns the row virtualizer, so
 * vertical scrolling re-renders this component alone, not the table or the header.
 */
export const GridBody = memo(function GridBody(p: GridBodyProps) {
  const { virtualizer, items, pool } = useRowVirtual(p.scrollRef, p.rows);
  p.virtualizerRef.current = virtualizer;
  const slots: ReactNode[] = new Array(pool).fill(null);
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
        layout={p.layout}
        range={p.range}
        staging={p.rowStaging?.(row.id)}
      />
    );
  }
  return (
    <div
      className="grid-canvas"
      style={{ width: p.layout.totalWidth, height: virtualizer.getTotalSize() }}
    >
      {p.header}
      {slots}
    </div>
  );
});
