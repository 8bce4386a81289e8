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

/** Entries moved from the smaller table to the larger one per entry added while growing. */
const MOVE_STEP = 4;

export class IdPositions implements Positions {
  /** Entry -> id, position and hash; entries are never removed. */
  private keys: string[] = [];
  private values: Int32Array<ArrayBuffer>;
  private hashes: Int32Array<ArrayBuffer>;
  /**
   * Open addressing (linear probing): slot -> entry + 1, or 0 (empty; a new Int32Array is all
   * zeros). At most half full.
   */
  private slots: Int32Array<ArrayBuffer>;
  /**
   * While the table grows: the smaller table, which still holds the entries from `moved` to
   * `oldCount`. Growing moves a few entries per entry added, not all of them at once: at 524,288
   * rows the one-step rehash took 20-40 ms inside one page's arrival (more on busy cores).
   */
  private old: Int32Array<ArrayBuffer> | null = null;
  private moved = 0;
  private oldCount = 0;

  /** `expected`: how many ids it will hold (sized for them at once), when known. */
  constructor(expected = 0) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.values = new Int32Array(Math.max(8, expected));
    this.hashes = new Int32Array(Math.max(8, expected));
  }

  /** The positions of `ids` (of two equal ids, the later one's, as a Map built from them). */
  static of(ids: readonly string[]): IdPositions {
    const p = new IdPositions(ids.length);
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

  /** Whether the table is between sizes (tests). */
  get growing(): boolean {
    return this.old !== null;
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
    if ((e + 1) * 2 > this.slots.length) {
      this.moveAll();
      this.old = this.slots;
      this.oldCount = e;
      this.moved = 0;
      this.slots = new Int32Array(this.slots.length * 2);
    }
    this.place(e, h);
    if (this.old) this.move(MOVE_STEP);
  }

  /** The entry of `id` (hash `h`): in the current table, else in the smaller one while growing. */
  private entryOf(id: string, h: number): number {
    const e = this.find(this.slots, id, h);
    return e === EMPTY && this.old ? this.find(this.old, id, h) : e;
  }

  private find(slots: Int32Array, id: string, h: number): number {
    const { hashes, keys } = this;
    const mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = slots[s] as number;
      if (v === 0) return EMPTY;
      if (hashes[v - 1] === h && keys[v - 1] === id) return v - 1;
    }
  }

  private place(e: number, h: number): void {
    const { slots } = this;
    const mask = slots.length - 1;
    let s = h & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = e + 1;
  }

  /** Moves up to `n` entries of the smaller table into the current one. */
  private move(n: number): void {
    const stop = Math.min(this.oldCount, this.moved + n);
    for (let e = this.moved; e < stop; e++) this.place(e, this.hashes[e] as number);
    this.moved = stop;
    if (stop === this.oldCount) this.old = null;
  }

  private moveAll(): void {
    if (this.old) this.move(this.oldCount - this.moved);
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
