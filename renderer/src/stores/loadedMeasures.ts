/**
 * The planner session's measurements of loaded rows kept by row position in the rows' indexes
 * (RowIndex.measures) rather than in its measurer's WeakMap (see rowMeasures.ts): a MeasureStore
 * that finds an item among the loaded rows by its key, and answers only for that very object.
 */
import type { MeasureStore, Measured } from '../../../shared/dynamo/measure';
import type { Item } from '../../../shared/dynamo/types';
import { positionOf, type RowIndex } from './loadedRows';

/** How many rows past the last one found are compared before the key is looked up. */
const NEAR = 32;

export function loadedMeasureStore(indexes: () => Iterable<RowIndex>): MeasureStore {
  // The last item found (a miss in get is followed by a set of the same item).
  let lastItem: Item | null = null;
  let lastIndex: RowIndex | null = null;
  let lastAt = -1;
  const isLive = (index: RowIndex): boolean => {
    for (const live of indexes()) if (live === index) return true;
    return false;
  };
  const find = (item: Item): [RowIndex, number] | null => {
    if (lastIndex && !isLive(lastIndex)) lastIndex = null; // its table was read again or closed
    if (item === lastItem && lastIndex && lastIndex.items[lastAt] === item) return [lastIndex, lastAt];
    // The originals of an edit come in row order (a bulk edit of every tenth row): the rows just
    // after the last one found are compared first, by identity, before a key is built and looked up.
    if (lastIndex) {
      const rows = lastIndex.items;
      const end = Math.min(rows.length, lastAt + 1 + NEAR);
      for (let at = lastAt + 1; at < end; at++) {
        if (rows[at] === item) {
          lastItem = item;
          lastAt = at;
          return [lastIndex, at];
        }
      }
    }
    lastItem = item; // a miss keeps the last row found, where the next search starts
    for (const index of indexes()) {
      const at = positionOf(index, item);
      if (at >= 0) {
        lastIndex = index;
        lastAt = at;
        return [index, at];
      }
    }
    return null;
  };
  return {
    get(item: Item): Measured | null | undefined {
      const found = find(item);
      return found ? found[0].measures.get(found[1]) : undefined;
    },
    set(item: Item, m: Measured | null): boolean {
      const found = find(item);
      if (!found) return false;
      found[0].measures.set(found[1], m);
      return true;
    },
  };
}
