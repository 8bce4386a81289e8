/**
 * Where each id is in a list of rows: a hash table over the ids' own strings, in typed arrays.
 *
 * Not a Map: Chromium's V8 internalizes every string it is given as a Map key (puts it in its
 * string table), as it does a property name. At 1,000,000 loaded rows that table held a million
 * row ids, and every major GC of the page walked it while the page stood still (with the
 * internalized values JSON.parse made, ~180 ms of a 290 ms pause in the traced load of scenario
 * 7). Here the ids stay ordinary strings, and the table is Int32Arrays, which the GC does not
 * trace.
 */

/** The lookups the rows' positions answer (what callers used of a Map). */
export interface Positions {
  get(id: string): number | undefined;
  has(id: string): boolean;
  readonly size: number;
}

const EMPTY = -1;

/** FNV-1a over the UTF-16 code units, then murmur3's finalizer (sequential ids spread). */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class IdPositions implements Positions {
  /** Entry -> id, position and hash; entries are never removed. */
  private keys: string[] = [];
  private values = new Int32Array(8);
  private hashes = new Int32Array(8);
  /** Open addressing (linear probing): slot -> entry, or EMPTY. At most half full. */
  private slots = new Int32Array(16).fill(EMPTY);

  /** The positions of `ids` (of two equal ids, the later one's, as a Map built from them). */
  static of(ids: readonly string[]): IdPositions {
    const p = new IdPositions();
    for (let i = 0; i < ids.length; i++) p.set(ids[i] as string, i);
    return p;
  }

  get size(): number {
    return this.keys.length;
  }

  get(id: string): number | undefined {
    const e = this.entryOf(id, hashOf(id));
    return e === EMPTY ? undefined : (this.values[e] as number);
  }

  has(id: string): boolean {
    return this.entryOf(id, hashOf(id)) !== EMPTY;
  }

  /** Sets the position of `id` (a new entry, or the old one moved). */
  set(id: string, position: number): void {
    const h = hashOf(id);
    const found = this.entryOf(id, h);
    if (found !== EMPTY) this.values[found] = position;
    else this.add(id, h, position);
  }

  /** The position of `id` if it has one; otherwise `position` becomes its position (undefined). */
  setIfAbsent(id: string, position: number): number | undefined {
    const h = hashOf(id);
    const found = this.entryOf(id, h);
    if (found !== EMPTY) return this.values[found] as number;
    this.add(id, h, position);
    return undefined;
  }

  private add(id: string, h: number, position: number): void {
    const e = this.keys.length;
    if (e === this.values.length) {
      this.values = grown(this.values);
      this.hashes = grown(this.hashes);
    }
    this.keys.push(id);
    this.values[e] = position;
    this.hashes[e] = h;
    if ((e + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(e, h);
  }

  private entryOf(id: string, h: number): number {
    const { slots, hashes, keys } = this;
    const mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s] as number;
      if (e === EMPTY || (hashes[e] === h && keys[e] === id)) return e;
    }
  }

  private place(e: number, h: number): void {
    const { slots } = this;
    const mask = slots.length - 1;
    let s = h & mask;
    while (slots[s] !== EMPTY) s = (s + 1) & mask;
    slots[s] = e;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(EMPTY);
    for (let e = 0; e < this.keys.length; e++) this.place(e, this.hashes[e] as number);
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
