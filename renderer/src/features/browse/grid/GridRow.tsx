import { memo } from 'react';
import type { RowStaging, RowStatus } from '../../../../../shared/changes/gridView';
import type { Item } from '../../../../../shared/dynamo/types';
import { GridCell } from './GridCell';
import { GUTTER_WIDTH, HEADER_HEIGHT, type ColumnRange, type GridLayout } from './layout';

/** A row's staged state, as the grid shows it (shared/changes/gridView makes them). */
export type { RowStaging, RowStatus };

export interface GridRowProps {
  item: Item;
  id: string;
  /** Display index (0-based, after sort and filter). */
  index: number;
  top: number;
  selected: boolean;
  /** The focused cell's column when the focus is in this row. */
  activeColumn: string | null;
  /** The element id the focused cell takes (set only on the focused cell's row). */
  activeCellId?: string | undefined;
  layout: GridLayout;
  range: ColumnRange;
  staging?: RowStaging;
}

/** The selection gutter cell. Two shared elements, so React skips them when a row re-renders. */
function gutter(checked: boolean) {
  return (
    <div role="gridcell" className="gc gutter pinned" aria-colindex={1}>
      <span
        role="checkbox"
        className="check-box"
        data-check
        aria-checked={checked}
        aria-label="Select row"
      />
    </div>
  );
}
const GUTTER_CHECKED = gutter(true);
const GUTTER_UNCHECKED = gutter(false);

/**
 * One row: the selection gutter and the pinned key cells (in the sticky pin pane, see GridBody),
 * then the visible scrolling cells in a strip positioned against the canvas. Both are children
 * of the row element, which carries the row's role, index, selection and staging state.
 */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const { layout, range, item } = p;
  let className = 'gr';
  if (p.selected) className += ' selected';
  const status = p.staging?.status;
  const changed = p.staging?.changed;
  const base = p.staging?.base;
  if (status) className += ` row-${status}`;
  if (p.staging?.error) className += ' row-failed';
  if (p.index % 2 === 1) className += ' odd';
  const firstCenter = 2 + layout.start.length;
  const pinnedWidth = GUTTER_WIDTH + layout.startWidth;
  const cells = [];
  for (let j = range.from; j <= range.to; j++) {
    const c = layout.center[j];
    if (!c) break;
    cells.push(
      <GridCell
        key={c.id}
        column={c.id}
        colIndex={firstCenter + j}
        value={item[c.id]}
        width={c.width}
        asDate={c.asDate}
        focused={p.activeColumn === c.id}
        domId={p.activeColumn === c.id ? p.activeCellId : undefined}
        changed={changed?.has(c.id) ?? false}
        was={base ? (base[c.id] ?? null) : undefined}
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
      data-id={p.id}
      data-status={status}
      title={p.staging?.error ? `Last commit failed: ${p.staging.error}` : undefined}
    >
      {/* role="none": the cells are the row's own children in the accessibility tree. */}
      <div className="gr-pin" role="none" style={{ top: p.top - HEADER_HEIGHT }}>
        {p.selected ? GUTTER_CHECKED : GUTTER_UNCHECKED}
        {layout.start.map((c, i) => (
          <GridCell
            key={c.id}
            column={c.id}
            colIndex={2 + i}
            value={item[c.id]}
            width={c.width}
            asDate={c.asDate}
            pinned
            focused={p.activeColumn === c.id}
            domId={p.activeColumn === c.id ? p.activeCellId : undefined}
            changed={changed?.has(c.id) ?? false}
            was={base ? (base[c.id] ?? null) : undefined}
          />
        ))}
      </div>
      {cells.length > 0 && (
        <div
          className="gr-cells"
          role="none"
          style={{
            top: p.top,
            left: pinnedWidth + range.padLeft,
            width: layout.centerWidth - range.padLeft - range.padRight,
          }}
        >
          {cells}
        </div>
      )}
    </div>
  );
});
