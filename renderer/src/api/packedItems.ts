/**
 * A page of items as the events worker hands it to the page (eventsWorker.ts): one string holding
 * the text of the page's scalar values, each value's kind and where its text ends, and per
 * attribute its name and value, in typed arrays. The page rebuilds the items from it in JavaScript (unpackItems) instead of receiving
 * them as a structured clone of the objects.
 *
 * Why: V8 allocates a structured clone's objects in the young generation, and every loaded row
 * survives, so each scavenge of a Load all copied a full young generation of rows (45-136 ms
 * pauses at 1,000,000 rows on two shared cores). The `{ S: ... }` literals below get V8's
 * allocation-site pretenuring: the attribute values are allocated where they will stay. A short
 * value that repeats in the page is one object (fewer objects for every GC to mark). Values of
 * other types (maps, lists, sets, anything unusual) travel as they are, in `others`.
 */
import type { AttributeValue, Item } from '../../../shared/dynamo/types';

export interface PackedItems {
  /** The attribute names of the page, each once. */
  names: string[];
  /** The text of the page's S, N and B values, one after another. */
  text: string;
  /** Per value: its kind. A value that repeats in the page (up to SHARED_MAX characters) is one value. */
  kinds: Uint8Array;
  /** Per value: where its text ends (it starts where the value before it ends). */
  ends: Int32Array;
  /** Two numbers per attribute: its name (index in `names`) and its value (index in `kinds`). */
  attrs: Int32Array;
  /** Where each item's attributes start (in attributes), and after the last one the end. */
  starts: Int32Array;
  /** The values of kind OTHER, in order. */
  others: AttributeValue[];
}

const S = 0;
const N = 1;
const B = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const OTHER = 6;

/**
 * Values of up to this many characters that repeat within a page become one object shared by the
 * rows that hold it (a status, a flag, a small number): values are never changed in place, as
 * items are not (textFilter.ts relies on it too). Longer ones are rarely equal and stay apart.
 */
const SHARED_MAX = 40;

/** The kind of a value, OTHER unless it is a plain S, N, B, BOOL or NULL (true) and nothing else. */
function kindOf(v: AttributeValue): number {
  const keys = Object.keys(v);
  if (keys.length !== 1) return OTHER;
  const r = v as Record<string, unknown>;
  switch (keys[0]) {
    case 'S':
      return typeof r.S === 'string' ? S : OTHER;
    case 'N':
      return typeof r.N === 'string' ? N : OTHER;
    case 'B':
      return typeof r.B === 'string' ? B : OTHER;
    case 'BOOL':
      return r.BOOL === true ? TRUE : r.BOOL === false ? FALSE : OTHER;
    case 'NULL':
      return r.NULL === true ? NULL : OTHER;
    default:
      return OTHER;
  }
}

const TEXT_OF: Record<number, 'S' | 'N' | 'B'> = { [S]: 'S', [N]: 'N', [B]: 'B' };

/** Packs a page of items (in the worker). */
export function packItems(items: readonly Item[]): PackedItems {
  const names: string[] = [];
  const nameAt = new Map<string, number>();
  const parts: string[] = [];
  const kinds: number[] = [];
  const ends: number[] = [];
  const valueAt = new Map<string, number>();
  const attrs: number[] = [];
  const starts = new Int32Array(items.length + 1);
  const others: AttributeValue[] = [];
  let end = 0;
  const newValue = (kind: number, text: string): number => {
    parts.push(text);
    end += text.length;
    kinds.push(kind);
    ends.push(end);
    return kinds.length - 1;
  };
  for (let r = 0; r < items.length; r++) {
    starts[r] = attrs.length / 2;
    const item = items[r] as Item;
    for (const name of Object.keys(item)) {
      const v = item[name] as AttributeValue;
      let at = nameAt.get(name);
      if (at === undefined) {
        at = names.length;
        names.push(name);
        nameAt.set(name, at);
      }
      const kind = kindOf(v);
      const field = TEXT_OF[kind];
      let value: number;
      if (kind === OTHER) {
        others.push(v);
        value = newValue(OTHER, '');
      } else {
        const text = field ? (v as Record<string, string>)[field] as string : '';
        if (text.length > SHARED_MAX) value = newValue(kind, text);
        else {
          const key = kind + text;
          const known = valueAt.get(key);
          value = known ?? newValue(kind, text);
          if (known === undefined) valueAt.set(key, value);
        }
      }
      attrs.push(at, value);
    }
  }
  starts[items.length] = attrs.length / 2;
  return {
    names,
    text: parts.join(''),
    kinds: Uint8Array.from(kinds),
    ends: Int32Array.from(ends),
    attrs: Int32Array.from(attrs),
    starts,
    others,
  };
}

/**
 * The items of a packed page (in the page), in the same order: each item a new object; a value
 * that repeats in the page one object for every row that holds it.
 */
export function unpackItems(p: PackedItems): Item[] {
  const { names, text, kinds, ends, attrs, starts, others } = p;
  const made: (AttributeValue | undefined)[] = new Array(kinds.length);
  let other = 0;
  const valueOf = (i: number): AttributeValue => {
    const kind = kinds[i];
    const from = i === 0 ? 0 : (ends[i - 1] as number);
    const to = ends[i] as number;
    if (kind === S) return { S: text.slice(from, to) };
    if (kind === N) return { N: text.slice(from, to) };
    if (kind === B) return { B: text.slice(from, to) };
    if (kind === TRUE) return { BOOL: true };
    if (kind === FALSE) return { BOOL: false };
    if (kind === NULL) return { NULL: true };
    return others[other++] as AttributeValue;
  };
  const out: Item[] = [];
  for (let r = 0; r + 1 < starts.length; r++) {
    const item: Item = {};
    const stop = (starts[r + 1] as number) * 2;
    for (let a = (starts[r] as number) * 2; a < stop; a += 2) {
      const i = attrs[a + 1] as number;
      const v = (made[i] ??= valueOf(i));
      const name = names[attrs[a] as number] as string;
      // An own property, whatever the name ("__proto__" assigned would set the prototype).
      if (name === '__proto__')
        Object.defineProperty(item, name, { value: v, enumerable: true, writable: true, configurable: true });
      else item[name] = v;
    }
    out.push(item);
  }
  return out;
}
