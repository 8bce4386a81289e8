/**
 * How long a Load all gathers pages before handing them to the items store. Appending is in
 * proportion to the new rows only (loadedRows.ts addRows grows the arrays in place), but a
 * hand-over under a quick filter passes over every row loaded so far, and under a sort sorts
 * them all again, so past 150,000 rows the pause grows with the rows (1 ms per 1,000), up to a
 * second: such passes stay a bounded share of the load, and the count on screen still moves at
 * least once a second.
 */
const MIN_MS = 150;
const MAX_MS = 1000;

export function flushDelay(loadedRows: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.round(loadedRows / 1000)));
}
