import { memo } from 'react';
import { formatValue } from '../../../../../shared/dynamo/format';
import { typeOf, type AttributeValue } from '../../../../../shared/dynamo/types';
import { epochOf, epochTitle, isoUtc } from '../../../../../shared/values/epoch';

export interface GridCellProps {
  column: string;
  /** aria-colindex (1-based, the gutter is column 1). */
  colIndex: number;
  value: AttributeValue | undefined;
  width: number;
  /** A pinned key column (in the row's part of the sticky pin pane). */
  pinned?: boolean;
  focused: boolean;
  /** The focused cell's element id, which the grid names as its active descendant. */
  domId?: string | undefined;
  changed: boolean;
  /** For a changed cell: its value before the staged change (null: the attribute was absent). */
  was?: AttributeValue | null;
  /** The column shows epoch numbers as dates (ISO 8601, UTC). */
  asDate?: boolean | undefined;
}

/**
 * One grid cell, one element: the value as text (numbers exactly as stored, binary as base64 with
 * its size) after a type badge that CSS draws from the `t-<type>` class (static generated
 * content, so styles stay shared; textContent is the value alone). Maps and lists show a
 * summary button that opens the inspector (the grid handles `data-open` clicks). A missing
 * attribute renders empty and hatched, unlike NULL.
 */
/** What a changed cell's tooltip says it was. */
function wasText(was: AttributeValue | null | undefined): string | undefined {
  if (was === undefined) return undefined;
  if (was === null) return 'Was: (no attribute)';
  return `Was: ${cellText(was)} (${typeOf(was)})`;
}

/** Text past this length is cut in the cell (it is wider than any column); the inspector has it all. */
const MAX_CELL_TEXT = 400;

function cellText(v: AttributeValue): string {
  const text = formatValue(v);
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) + '…' : text;
}

/**
 * A number's hover text: the date it stands for when it reads as epoch seconds or milliseconds,
 * else the number in full when it may not fit the cell (up to 38 digits).
 */
function numberTitle(n: string): string | undefined {
  return epochTitle(n) ?? (n.length > 12 ? n : undefined);
}

/** The cell text of a number in a date column: its date when it reads as one. */
function dateText(n: string): string {
  const e = epochOf(n);
  return e ? isoUtc(e.ms) : n;
}

export const GridCell = memo(function GridCell(p: GridCellProps) {
  const v = p.value;
  const type = v === undefined ? undefined : typeOf(v);
  let className = 'gc';
  if (p.pinned) className += ' pinned';
  if (v === undefined) className += ' missing';
  else className += ` t-${type}`;
  if (p.focused) className += ' focused';
  if (p.changed) className += ' changed';
  const nested = type === 'M' || type === 'L';
  return (
    <div
      role="gridcell"
      id={p.domId}
      className={className}
      data-col={p.column}
      aria-colindex={p.colIndex}
      aria-selected={p.focused || undefined}
      title={p.changed ? wasText(p.was) : v && 'N' in v ? numberTitle(v.N) : undefined}
      style={{ width: p.width }}
    >
      {v === undefined ? null : nested ? (
        <button
          type="button"
          className="v-nested"
          data-open
          tabIndex={-1}
          title="Show in the inspector"
        >
          {formatValue(v)}
        </button>
      ) : p.asDate && 'N' in v ? (
        dateText(v.N)
      ) : (
        cellText(v)
      )}
    </div>
  );
});
