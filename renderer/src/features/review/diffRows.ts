/**
 * How many attribute rows a review entry shows, estimated without diffing: the review list asks
 * for every entry's height when its count changes (10,000 after a bulk edit), and a full diff of
 * each (shared/changes/diff.ts) cost more than the rest of the review. An update counts the
 * attributes whose value is not the original's own object (staging keeps the original's value
 * objects for what it does not change), so it is exact for edits made here and at most too high
 * otherwise; the list measures each entry exactly once it is rendered.
 */
import type { StagedChange } from '../../../../shared/changes/types';
import type { Item } from '../../../../shared/dynamo/types';

const hasOwn = Object.prototype.hasOwnProperty;

function countUpTo(item: Item, cap: number): number {
  let n = 0;
  for (const name in item) if (hasOwn.call(item, name) && ++n >= cap) break;
  return n;
}

/**
 * The number of diff rows of `change`, at most `cap` (at least 1: an entry has a row). `memo`
 * keeps the answers for one cap: the list asks again for every entry on each of its renders.
 */
export function estimateDiffRows(change: StagedChange, cap: number, memo?: WeakMap<StagedChange, number>): number {
  if (!memo) return countDiffRows(change, cap);
  let n = memo.get(change);
  if (n === undefined) memo.set(change, (n = countDiffRows(change, cap)));
  return n;
}

function countDiffRows(change: StagedChange, cap: number): number {
  if (change.kind === 'put') return Math.max(1, countUpTo(change.item, cap));
  if (change.kind === 'delete') return Math.max(1, countUpTo(change.original, cap));
  const { original, item } = change;
  let n = 0;
  for (const name in item) {
    if (!hasOwn.call(item, name)) continue;
    if (!hasOwn.call(original, name) || item[name] !== original[name]) if (++n >= cap) return cap;
  }
  for (const name in original) {
    if (hasOwn.call(original, name) && !hasOwn.call(item, name)) if (++n >= cap) return cap;
  }
  return Math.max(1, n);
}
