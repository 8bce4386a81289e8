import { memo } from 'react';
import type { Item } from '../../../../../shared/dynamo/types';
import { GridCell } from './GridCell';
import { GUTTER_WIDTH, type ColumnRange, type GridLayout } from './layout';

/** How a later staging feature marks a row. */
export type RowStatus = 'new' | 'changed' | 'deleted';

export interface GridRowProps {
  item: Item;
  id: string;
  /** Display index (0-based, after sort and filter). */
  index: number;
  top: number;
  selected: boolean;
  /** The focused cell's column when the focus is in this row. */
  activeColumn: string | null;
  layout: GridLayout;
  range: ColumnRange;
  status?: RowStatus;
  changed?: ReadonlySet<string>;
}

/** One row: the selection gutter, the pinned key cells, then the visible scrolling cells. */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const { layout, range, item } = p;
  let className = 'gr';
  if (p.selected) className += ' selected';
  if (p.status) className += ` row-${p.status}`;
  if (p.index % 2 === 1) className += ' odd';
  const base = 2 + layout.start.length;
  const cells = [];
  for (let j = range.from; j <= range.to; j++) {
    const c = layout.center[j];
    if (!c) break;
    cells.push(
      <GridCell
        key={c.id}
        column={c.id}
        colIndex={base + j}
        value={item[c.id]}
        width={c.width}
        focused={p.activeColumn === c.id}
        changed={p.changed?.has(c.id) ?? false}
      />,
    );
  }
  return (
    <div
      role="row"
      className={className}
      aria-rowindex={p.index + 2}
      aria-selected={p.selected}
      data-row={p.index}
      data-status={p.status}
      style={{ transform: `translateY(${p.top}px)`, width: layout.totalWidth }}
    >
      {/* One sticky group per row for the gutter and the key cells: a sticky element per cell
          made the browser re-layerize every cell on each scrolled frame. */}
      <div className="pin-group" style={{ width: GUTTER_WIDTH + layout.startWidth }}>
        <div role="gridcell" className="gc gutter pinned" aria-colindex={1}>
          <span
            role="checkbox"
            className="check-box"
            data-check
            aria-checked={p.selected}
            aria-label="Select row"
          />
        </div>
        {layout.start.map((c, i) => (
          <GridCell
            key={c.id}
            column={c.id}
            colIndex={2 + i}
            value={item[c.id]}
            width={c.width}
            pinned
            focused={p.activeColumn === c.id}
            changed={p.changed?.has(c.id) ?? false}
          />
        ))}
      </div>
      {range.padLeft > 0 && <div className="pad" style={{ width: range.padLeft }} />}
      {cells}
      {range.padRight > 0 && <div className="pad" style={{ width: range.padRight }} />}
    </div>
  );
});
