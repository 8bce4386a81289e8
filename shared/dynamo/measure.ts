/**
 * One walk over an item that measures it twice (DynamoDB's size, as itemSize computes it, and the
 * UTF-8 bytes of the JSON the AWS SDK sends for it) and checks on the way that no value could draw
 * a validation issue: the planner and the review's validation share it instead of three walks.
 *
 * The walk only answers for values in common form: well-shaped values, numbers in plain decimal
 * notation, base64 without whitespace, sets without duplicates, nesting within the limit. For
 * anything else it answers null, and callers take the exact slow path (itemSize, itemJsonBytes,
 * the full validation walk), so results never depend on which path ran. This is the one fast item
 * size; shared/dynamo/size.ts's itemSize is the plain reference (and that slow path).
 *
 * Nothing is kept at module level: a Measurer, owned by its caller (see shared/plan/session.ts),
 * remembers measurements per item object; measureItemUncached remembers nothing.
 */
import { MeasureWalk } from './measureWalk';
import { itemSize } from './size';
import type { Item } from './types';

export interface ItemMeasure {
  /** itemSize(item): the bytes DynamoDB charges for. */
  readonly size: number;
  /** UTF-8 bytes of JSON.stringify(item) as the SDK sends it (binary as padded base64). */
  readonly jsonBytes: number;
}

// Local copies (not imported bindings): these run once per attribute in the hottest loops.
const hasOwn = Object.prototype.hasOwnProperty;

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** JSON bytes around an item's `count` attributes: braces, colons and commas. */
function frame(count: number): number {
  return count === 0 ? 2 : 2 * count + 1;
}

/** A measurement with the attribute count, which measuring an edited image from it needs. */
export interface Measured extends ItemMeasure {
  readonly count: number;
}

/**
 * Where a Measurer keeps the measurements of items its owner stores elsewhere (the renderer keeps
 * those of loaded rows by row position, in typed arrays: a WeakMap entry per loaded item made
 * every major GC of a 1,000,000-row table process a million ephemerons). `get` answers undefined
 * for an item it does not hold or has not measured, null for one not in common form; `set`
 * answers false for an item it does not hold (the Measurer then remembers it itself).
 */
export interface MeasureStore {
  get(item: Item): Measured | null | undefined;
  set(item: Item, m: Measured | null): boolean;
}

function walkItem(w: MeasureWalk, item: Item): Measured | null {
  if (!isMap(item)) return null;
  w.size = 0;
  w.json = 0;
  let count = 0;
  for (const name in item) {
    if (!hasOwn.call(item, name)) return null;
    count++;
    w.text(name);
    if (!w.value(item[name], 0)) return null;
  }
  return { size: w.size, jsonBytes: w.json + frame(count), count };
}

/** The walk itself, uncached: exact figures for an item in common form, or null. */
export function measureItemUncached(item: Item): ItemMeasure | null {
  const m = walkItem(new MeasureWalk(), item);
  return m && { size: m.size, jsonBytes: m.jsonBytes };
}

/** The walk with the attribute count (what a MeasureStore keeps), on a walker the caller reuses. */
export function measureCounted(w: MeasureWalk, item: Item): Measured | null {
  return walkItem(w, item);
}

/** Adds one attribute (name and value, colon aside), or takes it away; false if not in common form. */
function attribute(w: MeasureWalk, name: string, v: unknown, sign: 1 | -1): boolean {
  const s0 = w.size;
  const j0 = w.json;
  w.text(name);
  if (!w.value(v, 0)) return false;
  if (sign < 0) {
    w.size = 2 * s0 - w.size;
    w.json = 2 * j0 - w.json;
  }
  return true;
}

/**
 * Measures `item` from the measurement of `base`, the image it was edited from: an edit makes a
 * new item object but shares the value objects it leaves alone, so only the attributes whose
 * values differ are walked (the old value taken away, the new one added). Same answer as a walk.
 */
function relative(w: MeasureWalk, item: Item, base: Item, b: Measured): Measured | null {
  if (!isMap(item)) return null;
  w.size = b.size;
  w.json = b.jsonBytes - frame(b.count);
  let count = 0;
  let kept = 0; // attributes of base that item still has
  for (const name in item) {
    if (!hasOwn.call(item, name)) return null;
    count++;
    const v = item[name];
    // The common case first: the same value object (only an own attribute of base can be it).
    if (base[name] === v) {
      kept++;
      continue;
    }
    if (hasOwn.call(base, name)) {
      kept++;
      const was = base[name];
      if (was === v) continue;
      attribute(w, name, was, -1); // in common form: base was measured
    }
    if (!attribute(w, name, v, 1)) return null;
  }
  if (kept !== b.count) {
    for (const name in base) if (!hasOwn.call(item, name)) attribute(w, name, base[name], -1);
  }
  return { size: w.size, jsonBytes: w.json + frame(count), count };
}

const NOT_COMMON = Symbol('not in common form');

/**
 * Measurements remembered per item object, for as long as its owner keeps it (the review keeps
 * one for the app's life, a commit one for its run). Items are immutable data here, as everywhere
 * in DynoStage (an edit makes a new object), so a measurement holds for the object's life.
 */
export class Measurer {
  private readonly walk = new MeasureWalk();
  private readonly measured = new WeakMap<Item, Measured | typeof NOT_COMMON>();
  private store: MeasureStore | null = null;

  /** Keeps the measurements of the items `store` holds there (see MeasureStore). */
  useStore(store: MeasureStore | null): void {
    this.store = store;
  }

  private remembered(item: Item): Measured | null | undefined {
    const hit = this.measured.get(item);
    if (hit !== undefined) return hit === NOT_COMMON ? null : hit;
    return this.store?.get(item);
  }

  private lookup(item: Item, base: Item | undefined): Measured | null {
    const hit = this.remembered(item);
    if (hit !== undefined) return hit;
    const b = base === undefined || base === item ? null : this.lookup(base, undefined);
    const m = b && base ? relative(this.walk, item, base, b) : walkItem(this.walk, item);
    if (!this.store?.set(item, m)) this.measured.set(item, m ?? NOT_COMMON);
    return m;
  }

  /** Whether `item` has been measured (and is remembered). */
  isMeasured(item: Item): boolean {
    return this.remembered(item) !== undefined;
  }

  /**
   * Size and wire bytes of `item` when every value is valid and in common form; null when some
   * value needs the slow, exact functions (and a full validation walk). Remembered per item
   * object. With `base`, the image `item` was edited from, only the values `item` does not share
   * with `base` are walked (and `base` is measured, once); the answer is the same.
   */
  measureItem(item: Item, base?: Item): ItemMeasure | null {
    return this.lookup(item, base);
  }

  /**
   * measureItem for an image whose caller keeps the answer itself (the planner's inputs do): the
   * same figures, walked relative to `base` when given (`base` is remembered, `item` is not: a
   * WeakMap entry per staged image costs more than the walk).
   */
  measureImage(item: Item, base: Item | undefined): ItemMeasure | null {
    const hit = this.measured.get(item);
    if (hit !== undefined) return hit === NOT_COMMON ? null : hit;
    // An image is a new object (seldom a loaded row): the store is not asked.
    const b = base === undefined || base === item ? null : this.lookup(base, undefined);
    return b && base ? relative(this.walk, item, base, b) : walkItem(this.walk, item);
  }

  /** itemSize(item) for any item: the walk's figure (remembered), else the reference. */
  itemSize(item: Item): number {
    return this.lookup(item, undefined)?.size ?? itemSize(item);
  }
}
