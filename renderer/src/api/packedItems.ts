/**
 * A page of items as the events worker hands it to the page (eventsWorker.ts): one string holding
 * every scalar value's text, and per attribute its name, kind and where its text ends, in typed
 * arrays. The page rebuilds the items from it in JavaScript (unpackItems) instead of receiving
 * them as a structured clone of the objects.
 *
 * Why: V8 allocates a structured clone's objects in the young generation, and every loaded row
 * survives, so each scavenge of a Load all copied a full young generation of rows (45-136 ms
 * pauses at 1,000,000 rows on two shared cores). The `{ S: ... }` literals below get V8's
 * allocation-site pretenuring: the attribute values are allocated where they will stay. Values of
 * other types (maps, lists, sets, anything unusual) travel as they are, in `others`.
 */
import type { AttributeValue, Item } from '../../../shared/dynamo/types';

export interface PackedItems {
  /** The attribute names of the page, each once. */
  names: string[];
  /** The text of every S, N and B value, one after another. */
  text: string;
  /** Three numbers per attribute: its name (index in `names`), its kind, where its text ends. */
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

/** Packs a page of items (in the worker). */
export function packItems(items: readonly Item[]): PackedItems {
  const names: string[] = [];
  const nameAt = new Map<string, number>();
  const parts: string[] = [];
  const attrs: number[] = [];
  const starts = new Int32Array(items.length + 1);
  const others: AttributeValue[] = [];
  let end = 0;
  for (let r = 0; r < items.length; r++) {
    starts[r] = attrs.length / 3;
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
      if (kind === S || kind === N || kind === B) {
        const t = (v as Record<string, string>)[kind === S ? 'S' : kind === N ? 'N' : 'B'] as string;
        parts.push(t);
        end += t.length;
      } else if (kind === OTHER) others.push(v);
      attrs.push(at, kind, end);
    }
  }
  starts[items.length] = attrs.length / 3;
  return { names, text: parts.join(''), attrs: Int32Array.from(attrs), starts, others };
}

/** The items of a packed page (in the page): each item and value a new object, in the same order. */
export function unpackItems(p: PackedItems): Item[] {
  const { names, text, attrs, starts, others } = p;
  const out: Item[] = [];
  let pos = 0;
  let other = 0;
  for (let r = 0; r + 1 < starts.length; r++) {
    const item: Item = {};
    const stop = (starts[r + 1] as number) * 3;
    for (let a = (starts[r] as number) * 3; a < stop; a += 3) {
      const kind = attrs[a + 1];
      const end = attrs[a + 2] as number;
      let v: AttributeValue;
      if (kind === S) v = { S: text.slice(pos, end) };
      else if (kind === N) v = { N: text.slice(pos, end) };
      else if (kind === B) v = { B: text.slice(pos, end) };
      else if (kind === TRUE) v = { BOOL: true };
      else if (kind === FALSE) v = { BOOL: false };
      else if (kind === NULL) v = { NULL: true };
      else v = others[other++] as AttributeValue;
      pos = end;
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
