import { keyNames, type Item, type KeySchema } from '../../../../../shared/dynamo/types';
import { Popover } from '../../../ui/Popover';
import { effectiveOrder, shiftColumn } from './columnOrder';
import { fitWidth } from './fitWidth';
import { selectView, useGridViewStore } from './gridViewStore';

export interface ColumnsMenuProps {
  viewKey: string;
  columns: readonly string[];
  keySchema: KeySchema;
  /** The rows shown, for "Fit" (the width of the longest value). */
  items: readonly Item[];
}

/** Show, hide and reorder columns; key columns stay pinned first and always shown. */
export function ColumnsMenu({ viewKey, columns, keySchema, items }: ColumnsMenuProps) {
  const view = useGridViewStore(selectView(viewKey));
  const update = useGridViewStore((s) => s.update);
  const keys = keyNames(keySchema);
  const order = effectiveOrder(columns, view.columnOrder).filter((c) => !keys.includes(c));
  const hidden = order.filter((c) => view.columnVisibility[c] === false).length;
  const move = (id: string, by: -1 | 1) =>
    update(viewKey, 'columnOrder', [...keys, ...shiftColumn(order, id, by)]);
  // Per column: epoch numbers as dates, and a width that shows the longest value in full.
  const formatting = (c: string) => {
    const asDate = view.dateColumns[c] === true;
    return (
      <>
        <button
          type="button"
          className="ghost"
          aria-pressed={asDate}
          aria-label={`Show as date: ${c}`}
          title="Show epoch seconds and milliseconds as dates (UTC)"
          onClick={() => update(viewKey, 'dateColumns', (d) => ({ ...d, [c]: !asDate }))}
        >
          Date
        </button>
        <button
          type="button"
          className="ghost"
          aria-label={`Fit ${c} to its values`}
          title="Widen or narrow the column to its longest value"
          onClick={() =>
            update(viewKey, 'columnSizing', (s) => ({ ...s, [c]: fitWidth(items, c, asDate) }))
          }
        >
          Fit
        </button>
      </>
    );
  };
  return (
    <Popover label={hidden > 0 ? `Columns (${hidden} hidden)` : 'Columns'} title="Columns">
      <div className="columns-menu">
        <div className="columns-menu-actions">
          <button type="button" onClick={() => update(viewKey, 'columnVisibility', {})}>
            Show all
          </button>
          <button type="button" onClick={() => update(viewKey, 'columnSizing', {})}>
            Reset widths
          </button>
          <button type="button" onClick={() => update(viewKey, 'columnOrder', [])}>
            Reset order
          </button>
        </div>
        <ul>
          {keys.map((k) => (
            <li key={k} className="muted">
              <input type="checkbox" checked disabled aria-label={`Show ${k}`} />
              <span className="col-name">{k}</span>
              <span className="badge">key</span>
              {formatting(k)}
            </li>
          ))}
          {order.map((c, i) => (
            <li key={c}>
              <input
                type="checkbox"
                aria-label={`Show ${c}`}
                checked={view.columnVisibility[c] !== false}
                onChange={(e) =>
                  update(viewKey, 'columnVisibility', (v) => ({ ...v, [c]: e.target.checked }))
                }
              />
              <span className="col-name">{c}</span>
              {formatting(c)}
              <button
                type="button"
                className="ghost"
                aria-label={`Move ${c} left`}
                disabled={i === 0}
                onClick={() => move(c, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="ghost"
                aria-label={`Move ${c} right`}
                disabled={i === order.length - 1}
                onClick={() => move(c, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Popover>
  );
}
