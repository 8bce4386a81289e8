import type { Header } from '@tanstack/react-table';
import type { Item } from '../../../../../shared/dynamo/types';
import type { GridFeatures } from './gridFeatures';
import { HeaderCell } from './HeaderCell';
import { GUTTER_WIDTH, type ColumnRange, type GridLayout } from './layout';

export interface GridHeaderProps {
  headers: Record<string, Header<GridFeatures, Item, unknown>>;
  layout: GridLayout;
  range: ColumnRange;
  keyRoles: Record<string, 'PK' | 'SK'>;
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll: () => void;
  onMove: (dragged: string, target: string) => void;
}

/** The sticky header row: select-all, pinned key headers, then the visible scrolling headers. */
export function GridHeader(p: GridHeaderProps) {
  const { layout, range, headers } = p;
  const base = 2 + layout.start.length;
  const center = [];
  for (let j = range.from; j <= range.to; j++) {
    const c = layout.center[j];
    const h = c && headers[c.id];
    if (!c || !h) continue;
    center.push(
      <HeaderCell key={c.id} header={h} colIndex={base + j} width={c.width} onMove={p.onMove} />,
    );
  }
  return (
    <div role="row" className="gh-row" aria-rowindex={1} style={{ width: layout.totalWidth }}>
      <div className="pin-group" role="none" style={{ width: GUTTER_WIDTH + layout.startWidth }}>
        <div role="columnheader" className="gh gutter pinned" aria-colindex={1}>
          <input
            type="checkbox"
            aria-label="Select all rows"
            checked={p.allSelected}
            ref={(el) => {
              if (el) el.indeterminate = p.someSelected && !p.allSelected;
            }}
            onChange={p.onToggleAll}
          />
        </div>
        {layout.start.map((c, i) => {
          const h = headers[c.id];
          return h ? (
            <HeaderCell
              key={c.id}
              header={h}
              colIndex={2 + i}
              width={c.width}
              pinned
              keyRole={p.keyRoles[c.id]}
            />
          ) : null;
        })}
      </div>
      {range.padLeft > 0 && <div className="pad" style={{ width: range.padLeft }} />}
      {center}
      {range.padRight > 0 && <div className="pad" style={{ width: range.padRight }} />}
    </div>
  );
}
