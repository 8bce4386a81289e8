/** Row selection by mouse and keyboard, as pure functions over row ids in display order. */

export type Selection = Record<string, true>;

export interface ClickModifiers {
  /** Shift: select the range from the anchor. */
  range: boolean;
  /** Ctrl or Cmd: add to (or take out of) the selection instead of replacing it. */
  toggle: boolean;
}

export interface SelectionResult {
  selection: Selection;
  anchor: string;
}

/**
 * The selection after clicking row `index` (id `rowIdAt(index)`): a plain click selects that row
 * alone, Ctrl/Cmd toggles it, Shift selects anchor..index (added to the selection with Ctrl/Cmd).
 * `anchorIndex` is the anchor's display index, -1 when it is not shown.
 */
export function clickSelection(
  prev: Selection,
  anchorIndex: number,
  index: number,
  rowIdAt: (i: number) => string,
  mods: ClickModifiers,
): SelectionResult {
  const id = rowIdAt(index);
  if (mods.range && anchorIndex >= 0) {
    const next: Selection = mods.toggle ? { ...prev } : {};
    const [lo, hi] = anchorIndex < index ? [anchorIndex, index] : [index, anchorIndex];
    for (let i = lo; i <= hi; i++) next[rowIdAt(i)] = true;
    return { selection: next, anchor: rowIdAt(anchorIndex) };
  }
  if (mods.toggle) {
    const next = { ...prev };
    if (next[id]) delete next[id];
    else next[id] = true;
    return { selection: next, anchor: id };
  }
  return { selection: { [id]: true }, anchor: id };
}

/** Every row shown, selected. */
export function selectAll(count: number, rowIdAt: (i: number) => string): Selection {
  const next: Selection = {};
  for (let i = 0; i < count; i++) next[rowIdAt(i)] = true;
  return next;
}

/** How many of the shown rows are selected (the selection may hold rows filtered out). */
export function countShownSelected(
  selection: Selection,
  count: number,
  rowIdAt: (i: number) => string,
): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (selection[rowIdAt(i)]) n++;
  return n;
}
