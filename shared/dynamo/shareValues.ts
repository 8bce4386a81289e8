/**
 * One AttributeValue object for each short scalar value a page of items repeats. A page read from
 * DynamoDB repeats its statuses, flags, small numbers and owners in item after item; parsed, each
 * is an object of its own. Shared before the page is posted to the grid's thread (the structured
 * clone keeps shared objects shared), a page of 3,300 rows arrives with a few hundred such objects
 * instead of thousands, and a Load all of 1,000,000 rows leaves the garbage collector ~35% fewer
 * objects to copy and mark (bench scenario 7). Values are never changed in place anywhere in
 * DynoStage (an edit makes a new AttributeValue), so sharing is invisible to everything else.
 */
import type { AttributeValue, Item } from './types';

/** Values longer than this are left alone: long texts rarely repeat, and hashing them costs. */
export const SHARE_MAX_CHARS = 64;

type Texts = Map<string, AttributeValue>;

interface Seen {
  S: Texts;
  N: Texts;
  B: Texts;
  flags: (AttributeValue | undefined)[];
}

/** The one value object kept for `av`'s type and text, or `av` itself when it is the first. */
function shared(seen: Seen, av: AttributeValue): AttributeValue {
  let texts: Texts | null = null;
  let text: string | undefined;
  let flag = -1;
  let keys = 0;
  for (const type in av) {
    if (++keys > 1) return av; // not a plain scalar
    const v = (av as Record<string, unknown>)[type];
    if (type === 'S' || type === 'N' || type === 'B') {
      if (typeof v !== 'string' || v.length > SHARE_MAX_CHARS) return av;
      texts = seen[type];
      text = v;
    } else if (type === 'BOOL' && typeof v === 'boolean') flag = v ? 1 : 0;
    else if (type === 'NULL' && v === true) flag = 2;
    else return av;
  }
  if (texts && text !== undefined) {
    const had = texts.get(text);
    if (had) return had;
    texts.set(text, av);
    return av;
  }
  if (flag < 0) return av;
  return (seen.flags[flag] ??= av);
}

/**
 * Makes every top-level S, N, B (up to SHARE_MAX_CHARS characters), BOOL and NULL value of
 * `items` that equals one seen before in them (same type, same text) that same object. Changes
 * the items in place (they are the caller's, just parsed) and returns how many values it replaced.
 */
export function shareRepeatedValues(items: readonly Item[]): number {
  const seen: Seen = { S: new Map(), N: new Map(), B: new Map(), flags: [] };
  let replaced = 0;
  for (const item of items) {
    for (const name in item) {
      if (!Object.hasOwn(item, name)) continue;
      const av = item[name] as AttributeValue;
      if (typeof av !== 'object' || av === null) continue;
      const one = shared(seen, av);
      if (one !== av) {
        // An own data property, so assignment sets it (also for "__proto__").
        item[name] = one;
        replaced++;
      }
    }
  }
  return replaced;
}
