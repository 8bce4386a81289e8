/**
 * How long a Load all gathers pages before handing them to the items store. Each hand-over
 * costs time in proportion to every row loaded so far (new arrays for the store and the grid's
 * row model, and the garbage they leave), so past 150,000 rows the pause grows
 * with the rows (1 ms per 1,000), up to a second: the total stays linear in the rows, and the
 * count on screen still moves at least once a second.
 */
const MIN_MS = 150;
const MAX_MS = 1000;

export function flushDelay(loadedRows: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.round(loadedRows / 1000)));
}
