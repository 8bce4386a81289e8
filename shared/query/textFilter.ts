/**
 * The quick filter's text match over items: a value (nested ones and map keys included) contains
 * the filter text, ignoring case. The grid's row model (renderer/src/features/browse/grid/
 * quickFilter.ts) and the review's search use it.
 */
import type { AttributeValue, Item } from '../dynamo/types';

function matches(v: AttributeValue, re: RegExp): boolean {
  if ('S' in v) return re.test(v.S);
  if ('N' in v) return re.test(v.N);
  if ('BOOL' in v) return re.test(v.BOOL ? 'true' : 'false');
  if ('NULL' in v) return re.test('null');
  if ('B' in v) return re.test(v.B);
  if ('SS' in v) return v.SS.some((s) => re.test(s));
  if ('NS' in v) return v.NS.some((s) => re.test(s));
  if ('BS' in v) return v.BS.some((s) => re.test(s));
  if ('L' in v) return v.L.some((x) => matches(x, re));
  for (const k in v.M) if (re.test(k) || matches(v.M[k] as AttributeValue, re)) return true;
  return false;
}

/** The case-insensitive pattern for a filter text; null when the text is blank. */
export function quickFilterPattern(text: string): RegExp | null {
  const t = text.trim();
  return t === '' ? null : new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

/** True when any value of the item contains the pattern. */
export function itemMatches(item: Item, re: RegExp): boolean {
  for (const name in item) if (matches(item[name] as AttributeValue, re)) return true;
  return false;
}

/** The first value of the item that contains the pattern (undefined: none does). */
function matchingValue(item: Item, re: RegExp): AttributeValue | undefined {
  for (const name in item) {
    const v = item[name] as AttributeValue;
    if (matches(v, re)) return v;
  }
  return undefined;
}

/** True when one of the item's values is a value object already known to match. */
function holdsMatch(item: Item, known: WeakSet<AttributeValue>): boolean {
  for (const name in item) if (known.has(item[name] as AttributeValue)) return true;
  return false;
}

/**
 * itemMatches with memory: the answer per item object for one pattern. The grid's rows are the
 * loaded item objects themselves except the staged ones, so after a bulk edit or its undo only
 * the changed rows are tested again, not all 100,000.
 *
 * `reuse` (for a pass over rows already filtered with this pattern): a row not seen before that
 * holds a value object which matched before matches, without testing its values again. A staged
 * image keeps its original's unchanged value objects, so a bulk set on 10,000 filtered rows costs
 * a lookup per value instead of a test of every text. Values are never changed in place (as items
 * are not), so a value object's answer holds. Off for a first pass, where it would only add
 * lookups that find nothing.
 */
export function createMatchMemo(): (item: Item, re: RegExp, reuse?: boolean) => boolean {
  let source: string | null = null;
  let seen = new WeakMap<Item, boolean>();
  let known = new WeakSet<AttributeValue>();
  return (item, re, reuse = false) => {
    if (re.source !== source) {
      source = re.source;
      seen = new WeakMap();
      known = new WeakSet();
    }
    let m = seen.get(item);
    if (m === undefined) {
      m = reuse && holdsMatch(item, known);
      if (!m) {
        const v = matchingValue(item, re);
        if (v) known.add(v);
        m = v !== undefined;
      }
      seen.set(item, m);
    }
    return m;
  };
}
