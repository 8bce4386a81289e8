/** Attribute-level diffs of two item images, for the review pane. */
import { valuesEqual } from '../dynamo/equal';
import { typeOf } from '../dynamo/types';
import type { AttributeValue, Item } from '../dynamo/types';

export type AttributeDiff =
  | { name: string; kind: 'added'; after: AttributeValue }
  | { name: string; kind: 'removed'; before: AttributeValue }
  | {
      name: string;
      kind: 'changed';
      before: AttributeValue;
      after: AttributeValue;
      /** True when the value's type differs (N "1" → S "1"), not only its content. */
      typeChanged: boolean;
    };

/**
 * The attributes that differ between two images (undefined = no item): the original's order
 * first, then added ones; equal values (as stored) are left out.
 */
export function diffItem(original: Item | undefined, next: Item | undefined): AttributeDiff[] {
  const out: AttributeDiff[] = [];
  const before = original ?? {};
  const after = next ?? {};
  for (const [name, b] of Object.entries(before)) {
    const a = after[name];
    if (a === undefined) out.push({ name, kind: 'removed', before: b });
    else if (!valuesEqual(b, a)) {
      out.push({
        name,
        kind: 'changed',
        before: b,
        after: a,
        typeChanged: typeOf(a) !== typeOf(b),
      });
    }
  }
  for (const [name, a] of Object.entries(after)) {
    if (before[name] === undefined) out.push({ name, kind: 'added', after: a });
  }
  return out;
}

/** A string split around its change: before = prefix + removed + suffix, after = prefix + added + suffix. */
export interface InlineDiff {
  prefix: string;
  removed: string;
  added: string;
  suffix: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The common prefix and suffix of two strings and what lies between, never splitting a surrogate pair. */
export function inlineDiff(before: string, after: string): InlineDiff {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (p > 0 && isHigh(before.charCodeAt(p - 1))) p--;
  let s = 0;
  const room = max - p;
  while (
    s < room &&
    before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)
  )
    s++;
  if (s > 0 && isLow(before.charCodeAt(before.length - s))) s--;
  return {
    prefix: before.slice(0, p),
    removed: before.slice(p, before.length - s),
    added: after.slice(p, after.length - s),
    suffix: before.slice(before.length - s),
  };
}
