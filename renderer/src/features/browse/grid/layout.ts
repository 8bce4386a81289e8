/** Column geometry of the grid, computed once per column change, shared by header and rows. */

export const GUTTER_WIDTH = 34;
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 30;

export interface ColumnSlot {
  id: string;
  width: number;
  /** Offset from the start of its region (the pinned region starts after the gutter). */
  left: number;
  /** Epoch numbers show as dates (the column's "Show as date"). */
  asDate?: boolean;
}

export interface GridLayout {
  /** Pinned key columns, sticky at the start. */
  start: ColumnSlot[];
  /** Scrolling columns; only the visible range renders. */
  center: ColumnSlot[];
  startWidth: number;
  centerWidth: number;
  totalWidth: number;
}

/** The visible slice of `center`, with the widths of what is left out on either side. */
export interface ColumnRange {
  from: number;
  to: number;
  padLeft: number;
  padRight: number;
}

function slots(
  columns: readonly { id: string; getSize(): number }[],
  dates: Readonly<Record<string, boolean>>,
): [ColumnSlot[], number] {
  let left = 0;
  const out = columns.map((c) => {
    const slot: ColumnSlot = { id: c.id, width: c.getSize(), left };
    if (dates[c.id]) slot.asDate = true;
    left += slot.width;
    return slot;
  });
  return [out, left];
}

export function computeLayout(
  start: readonly { id: string; getSize(): number }[],
  center: readonly { id: string; getSize(): number }[],
  dates: Readonly<Record<string, boolean>> = {},
): GridLayout {
  const [s, startWidth] = slots(start, dates);
  const [c, centerWidth] = slots(center, dates);
  return {
    start: s,
    center: c,
    startWidth,
    centerWidth,
    totalWidth: GUTTER_WIDTH + startWidth + centerWidth,
  };
}

/** The center columns between [from, to] (inclusive) as a range with its paddings. */
export function columnRange(layout: GridLayout, from: number, to: number): ColumnRange {
  const first = layout.center[from];
  const last = layout.center[to];
  if (!first || !last) return { from: 0, to: -1, padLeft: 0, padRight: layout.centerWidth };
  return {
    from,
    to,
    padLeft: first.left,
    padRight: layout.centerWidth - (last.left + last.width),
  };
}
