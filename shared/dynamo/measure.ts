/**
 * One walk over an item that measures it twice (DynamoDB's size, as itemSize computes it, and the
 * UTF-8 bytes of the JSON the AWS SDK sends for it) and checks on the way that no value could draw
 * a validation issue: the planner and the review's validation share it instead of three walks.
 *
 * The walk only answers for values in common form: well-shaped values, numbers in plain decimal
 * notation, base64 without whitespace, sets without duplicates, nesting within the limit. For
 * anything else it answers null, and callers take the exact slow path (itemSize, itemJsonBytes,
 * the full validation walk), so results never depend on which path ran.
 */
import { base64ToBytes, bytesToBase64 } from './binary';
import { normalizeNumber, plainSignificantDigits } from './number';
import type { Item } from './types';

export interface ItemMeasure {
  /** itemSize(item): the bytes DynamoDB charges for. */
  readonly size: number;
  /** UTF-8 bytes of JSON.stringify(item) as the SDK sends it (binary as padded base64). */
  readonly jsonBytes: number;
}

/** Nesting DynamoDB accepts (validate.ts MAX_NESTING_LEVELS; repeated to keep this leaf-level). */
const MAX_DEPTH = 32;
/** Plain decimals up to this length cannot leave DynamoDB's range (exponents -129..126). */
const MAX_PLAIN_NUMBER = 100;
const MAX_DIGITS = 38;

// Printable ASCII: one byte in UTF-8, and in JSON too unless it is `"` or `\`.
const PRINTABLE = /^[\x20-\x7e]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const hasOwn = Object.prototype.hasOwnProperty;

// The running totals of the current walk (a walk never re-enters itself).
let size = 0;
let json = 0;

/** Adds a string's UTF-8 bytes to `size` and its JSON text (quotes included) to `json`. */
function text(s: string): void {
  const n = s.length;
  if (n > 12) {
    // Native scans: one regex pass for printable ASCII, memchr-like indexOf for the two escapes.
    if (PRINTABLE.test(s) && s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
      size += n;
      json += n + 2;
      return;
    }
  } else {
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7f || c === 0x22 || c === 0x5c) break;
    }
    if (i === n) {
      size += n;
      json += n + 2;
      return;
    }
  }
  let u = 0;
  let j = 2;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      u += 1;
      if (c === 0x22 || c === 0x5c) j += 2;
      else if (c >= 0x20) j += 1;
      else if (c === 8 || c === 9 || c === 10 || c === 12 || c === 13) j += 2;
      else j += 6; // \u00XX
    } else if (c < 0x800) {
      u += 2;
      j += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && isLow(s.charCodeAt(i + 1))) {
      u += 4;
      j += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      u += 3; // a lone surrogate: U+FFFD in UTF-8, \uXXXX in JSON
      j += 6;
    } else {
      u += 3;
      j += 3;
    }
  }
  size += u;
  json += j;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Significant digits of a valid number in plain decimal notation ("-12.50": 3), or -1 when `n`
 * is spelled otherwise (exponent, sign +, spaces) or has too many digits: left to the slow path.
 */
function plainDigits(n: string): number {
  if (n.length > MAX_PLAIN_NUMBER) return -1;
  const d = plainSignificantDigits(n);
  return d > MAX_DIGITS ? -1 : d;
}

/** Adds a plain decimal number (a string of digits, '-', '.': JSON as is); false otherwise. */
function number(n: string): boolean {
  const d = plainDigits(n);
  if (d < 0) return false;
  size += Math.ceil(Math.max(d, 1) / 2) + 1;
  json += n.length + 2;
  return true;
}

/** Adds valid base64 without whitespace (re-sent padded); false for anything else. */
function binary(b64: string): boolean {
  const len = b64.length;
  const pad =
    len > 0 && b64.charCodeAt(len - 1) === 61 ? (b64.charCodeAt(len - 2) === 61 ? 2 : 1) : 0;
  // atob refuses a length of 4k+1, and padding unless the padded length is a multiple of 4.
  if (len % 4 === 1 || (pad > 0 && len % 4 !== 0) || !BASE64.test(b64)) return false;
  const bytes = Math.floor((len * 3) / 4) - pad;
  size += bytes;
  json += 2 + 4 * Math.ceil(bytes / 3);
  return true;
}

/** Adds a string set's members; false when empty, not all strings, or holding a duplicate. */
function stringSet(xs: unknown): boolean {
  if (!Array.isArray(xs) || xs.length === 0) return false;
  json += 1 + xs.length; // [ , ]
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    if (typeof x !== 'string') return false;
    text(x);
  }
  return distinct(xs as string[]);
}

function numberSet(xs: unknown): boolean {
  if (!Array.isArray(xs) || xs.length === 0) return false;
  json += 1 + xs.length;
  let integers = true;
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    if (typeof x !== 'string' || !number(x)) return false;
    if (integers && !canonicalInteger(x)) integers = false;
  }
  if (xs.length === 1) return true;
  // Canonical integers are equal as numbers exactly when they are equal as text; other members
  // are compared in normal form, as validation compares them.
  const members = xs as string[];
  return distinct(integers ? members : members.map((x) => normalizeNumber(x) ?? x));
}

function binarySet(xs: unknown): boolean {
  if (!Array.isArray(xs) || xs.length === 0) return false;
  json += 1 + xs.length;
  let canonical = true;
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    if (typeof x !== 'string' || !binary(x)) return false;
    if (canonical && !canonicalBase64(x)) canonical = false;
  }
  if (xs.length === 1) return true;
  // Canonical base64 spells each byte string one way; others are compared decoded.
  const members = xs as string[];
  return distinct(canonical ? members : members.map((b) => normalBase64(b)));
}

/** Padded, with the unused bits of the last character zero: the one spelling of its bytes. */
function canonicalBase64(b64: string): boolean {
  const len = b64.length;
  if (len % 4 !== 0) return false;
  const pad =
    len > 0 && b64.charCodeAt(len - 1) === 61 ? (b64.charCodeAt(len - 2) === 61 ? 2 : 1) : 0;
  if (pad === 0) return true;
  const last = BASE64_DIGITS.indexOf(b64.charAt(len - 1 - pad));
  return (last & (pad === 1 ? 0b11 : 0b1111)) === 0;
}

function normalBase64(b64: string): string {
  const bytes = base64ToBytes(b64);
  return bytes ? bytesToBase64(bytes) : b64;
}

/** "0", "7", "-12" but not "-0", "007" or "1.0". */
function canonicalInteger(n: string): boolean {
  const start = n.charCodeAt(0) === 45 ? 1 : 0;
  if (n.length === start + 1) return n.charCodeAt(start) !== 48 || start === 0;
  if (n.charCodeAt(start) === 48) return false;
  for (let i = start; i < n.length; i++) if (n.charCodeAt(i) === 46) return false;
  return true;
}

function distinct(xs: readonly string[]): boolean {
  const n = xs.length;
  if (n <= 8) {
    for (let i = 1; i < n; i++) for (let k = 0; k < i; k++) if (xs[i] === xs[k]) return false;
    return true;
  }
  return new Set(xs).size === n;
}

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Adds one AttributeValue; false when it is not in common form (see the module comment). */
function value(v: unknown, depth: number): boolean {
  if (!isMap(v)) return false;
  let tag: string | undefined;
  for (const k in v) {
    if (tag !== undefined || !hasOwn.call(v, k)) return false;
    tag = k;
  }
  if (tag === undefined) return false;
  const x = v[tag];
  // `{"T":` and `}`: 5 bytes plus the tag.
  json += 5 + tag.length;
  switch (tag) {
    case 'S':
      if (typeof x !== 'string') return false;
      text(x);
      return true;
    case 'N':
      return typeof x === 'string' && number(x);
    case 'B':
      return typeof x === 'string' && binary(x);
    case 'BOOL':
      if (typeof x !== 'boolean') return false;
      size += 1;
      json += x ? 4 : 5;
      return true;
    case 'NULL':
      if (x !== true) return false;
      size += 1;
      json += 4;
      return true;
    case 'SS':
      return stringSet(x);
    case 'NS':
      return numberSet(x);
    case 'BS':
      return binarySet(x);
    case 'L':
      return list(x, depth);
    case 'M':
      return isMap(x) && depth < MAX_DEPTH && map(x, depth + 1);
    default:
      return false;
  }
}

function list(xs: unknown, depth: number): boolean {
  if (!Array.isArray(xs) || depth >= MAX_DEPTH) return false;
  size += 3 + xs.length;
  json += 1 + Math.max(1, xs.length);
  for (let i = 0; i < xs.length; i++) if (!value(xs[i], depth + 1)) return false;
  return true;
}

/** Adds a map's (or the item's) attributes: names, values, and JSON braces, colons and commas. */
function map(m: Record<string, unknown>, depth: number): boolean {
  let count = 0;
  for (const name in m) {
    if (!hasOwn.call(m, name)) return false;
    count++;
    text(name);
    if (!value(m[name], depth)) return false;
  }
  json += 1 + Math.max(1, count) + count; // { } , and :
  if (depth > 0) size += 3 + count;
  return true;
}

/** JSON bytes around an item's `count` attributes: braces, colons and commas. */
function frame(count: number): number {
  return count === 0 ? 2 : 2 * count + 1;
}

/** A measurement with the attribute count, which measuring an edited image from it needs. */
interface Measured extends ItemMeasure {
  readonly count: number;
}

function walkItem(item: Item): Measured | null {
  if (!isMap(item)) return null;
  size = 0;
  json = 0;
  let count = 0;
  for (const name in item) {
    if (!hasOwn.call(item, name)) return null;
    count++;
    text(name);
    if (!value(item[name], 0)) return null;
  }
  return { size, jsonBytes: json + frame(count), count };
}

/** The walk itself, uncached: exact figures for an item in common form, or null. */
export function measureItemUncached(item: Item): ItemMeasure | null {
  const m = walkItem(item);
  return m && { size: m.size, jsonBytes: m.jsonBytes };
}

/** Adds one attribute (name and value, colon aside), or takes it away; false if not in common form. */
function attribute(name: string, v: unknown, sign: 1 | -1): boolean {
  const s0 = size;
  const j0 = json;
  text(name);
  if (!value(v, 0)) return false;
  if (sign < 0) {
    size = 2 * s0 - size;
    json = 2 * j0 - json;
  }
  return true;
}

/**
 * Measures `item` from the measurement of `base`, the image it was edited from: an edit makes a
 * new item object but shares the value objects it leaves alone, so only the attributes whose
 * values differ are walked (the old value taken away, the new one added). Same answer as a walk.
 */
function relative(item: Item, base: Item, b: Measured): Measured | null {
  if (!isMap(item)) return null;
  size = b.size;
  json = b.jsonBytes - frame(b.count);
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
      attribute(name, was, -1); // in common form: base was measured
    }
    if (!attribute(name, v, 1)) return null;
  }
  if (kept !== b.count) {
    for (const name in base) if (!hasOwn.call(item, name)) attribute(name, base[name], -1);
  }
  return { size, jsonBytes: json + frame(count), count };
}

const NOT_COMMON = Symbol('not in common form');
const measured = new WeakMap<Item, Measured | typeof NOT_COMMON>();

function lookup(item: Item, base: Item | undefined): Measured | null {
  const hit = measured.get(item);
  if (hit !== undefined) return hit === NOT_COMMON ? null : hit;
  const b = base === undefined || base === item ? null : lookup(base, undefined);
  const m = b && base ? relative(item, base, b) : walkItem(item);
  measured.set(item, m ?? NOT_COMMON);
  return m;
}

/** Whether `item` has been measured (and is remembered). */
export function isMeasured(item: Item): boolean {
  return measured.has(item);
}

/**
 * measureItem for an image whose caller keeps the answer itself (the planner's inputs do): the
 * same figures, walked relative to `base` when given (`base` is remembered, `item` is not: a
 * WeakMap entry per staged image costs more than the walk).
 */
export function measureImage(item: Item, base: Item | undefined): ItemMeasure | null {
  const hit = measured.get(item);
  if (hit !== undefined) return hit === NOT_COMMON ? null : hit;
  const b = base === undefined || base === item ? null : lookup(base, undefined);
  return b && base ? relative(item, base, b) : walkItem(item);
}

/**
 * Size and wire bytes of `item` when every value is valid and in common form; null when some value
 * needs the slow, exact functions (and a full validation walk). Remembered per item object: items
 * are immutable data here, as everywhere in DynoStage (an edit makes a new object). With `base`,
 * the image `item` was edited from, only the values `item` does not share with `base` are walked
 * (and `base` is measured, once); the answer is the same.
 */
export function measureItem(item: Item, base?: Item): ItemMeasure | null {
  return lookup(item, base);
}
