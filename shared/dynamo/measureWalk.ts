/**
 * The steps of measure.ts's walk over an item (see there): DynamoDB's size and the UTF-8 bytes of
 * the JSON the AWS SDK sends, added up value by value, with common-form checks on the way.
 */
import { base64ToBytes, bytesToBase64 } from './binary';
import { normalizeNumber, plainSignificantDigits } from './number';

/** Nesting DynamoDB accepts (validate.ts MAX_NESTING_LEVELS; repeated to keep this leaf-level). */
export const MAX_DEPTH = 32;
/** Plain decimals up to this length cannot leave DynamoDB's range (exponents -129..126). */
const MAX_PLAIN_NUMBER = 100;
const MAX_DIGITS = 38;

// Printable ASCII: one byte in UTF-8, and in JSON too unless it is `"` or `\`.
const PRINTABLE = /^[\x20-\x7e]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const hasOwn = Object.prototype.hasOwnProperty;


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

export function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * One measuring walk's running totals and the steps that add to them. A walk never re-enters
 * itself; an owner (a Measurer, or one uncached measurement) keeps one instance and resets it.
 */
export class MeasureWalk {
  /** itemSize so far. */
  size = 0;
  /** JSON bytes so far. */
  json = 0;

  /** Adds a string's UTF-8 bytes to `size` and its JSON text (quotes included) to `json`. */
  text(s: string): void {
    const n = s.length;
    if (n > 12) {
      // Native scans: one regex pass for printable ASCII, memchr-like indexOf for the two escapes.
      if (PRINTABLE.test(s) && s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
        this.size += n;
        this.json += n + 2;
        return;
      }
    } else {
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7f || c === 0x22 || c === 0x5c) break;
      }
      if (i === n) {
        this.size += n;
        this.json += n + 2;
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
    this.size += u;
    this.json += j;
  }

  /** Adds a plain decimal number (a string of digits, '-', '.': JSON as is); false otherwise. */
  number(n: string): boolean {
    const d = plainDigits(n);
    if (d < 0) return false;
    this.size += Math.ceil(Math.max(d, 1) / 2) + 1;
    this.json += n.length + 2;
    return true;
  }

  /** Adds valid base64 without whitespace (re-sent padded); false for anything else. */
  binary(b64: string): boolean {
    const len = b64.length;
    const pad =
      len > 0 && b64.charCodeAt(len - 1) === 61 ? (b64.charCodeAt(len - 2) === 61 ? 2 : 1) : 0;
    // atob refuses a length of 4k+1, and padding unless the padded length is a multiple of 4.
    if (len % 4 === 1 || (pad > 0 && len % 4 !== 0) || !BASE64.test(b64)) return false;
    const bytes = Math.floor((len * 3) / 4) - pad;
    this.size += bytes;
    this.json += 2 + 4 * Math.ceil(bytes / 3);
    return true;
  }

  /** Adds a string set's members; false when empty, not all strings, or holding a duplicate. */
  stringSet(xs: unknown): boolean {
    if (!Array.isArray(xs) || xs.length === 0) return false;
    this.json += 1 + xs.length; // [ , ]
    for (let i = 0; i < xs.length; i++) {
      const x: unknown = xs[i];
      if (typeof x !== 'string') return false;
      this.text(x);
    }
    return distinct(xs as string[]);
  }

  numberSet(xs: unknown): boolean {
    if (!Array.isArray(xs) || xs.length === 0) return false;
    this.json += 1 + xs.length;
    let integers = true;
    for (let i = 0; i < xs.length; i++) {
      const x: unknown = xs[i];
      if (typeof x !== 'string' || !this.number(x)) return false;
      if (integers && !canonicalInteger(x)) integers = false;
    }
    if (xs.length === 1) return true;
    // Canonical integers are equal as numbers exactly when they are equal as text; other members
    // are compared in normal form, as validation compares them.
    const members = xs as string[];
    return distinct(integers ? members : members.map((x) => normalizeNumber(x) ?? x));
  }

  binarySet(xs: unknown): boolean {
    if (!Array.isArray(xs) || xs.length === 0) return false;
    this.json += 1 + xs.length;
    let canonical = true;
    for (let i = 0; i < xs.length; i++) {
      const x: unknown = xs[i];
      if (typeof x !== 'string' || !this.binary(x)) return false;
      if (canonical && !canonicalBase64(x)) canonical = false;
    }
    if (xs.length === 1) return true;
    // Canonical base64 spells each byte string one way; others are compared decoded.
    const members = xs as string[];
    return distinct(canonical ? members : members.map((b) => normalBase64(b)));
  }

  /** Adds one AttributeValue; false when it is not in common form (see the module comment). */
  value(v: unknown, depth: number): boolean {
    if (!isMap(v)) return false;
    let tag: string | undefined;
    for (const k in v) {
      if (tag !== undefined || !hasOwn.call(v, k)) return false;
      tag = k;
    }
    if (tag === undefined) return false;
    const x = v[tag];
    // `{"T":` and `}`: 5 bytes plus the tag.
    this.json += 5 + tag.length;
    switch (tag) {
      case 'S':
        if (typeof x !== 'string') return false;
        this.text(x);
        return true;
      case 'N':
        return typeof x === 'string' && this.number(x);
      case 'B':
        return typeof x === 'string' && this.binary(x);
      case 'BOOL':
        if (typeof x !== 'boolean') return false;
        this.size += 1;
        this.json += x ? 4 : 5;
        return true;
      case 'NULL':
        if (x !== true) return false;
        this.size += 1;
        this.json += 4;
        return true;
      case 'SS':
        return this.stringSet(x);
      case 'NS':
        return this.numberSet(x);
      case 'BS':
        return this.binarySet(x);
      case 'L':
        return this.list(x, depth);
      case 'M':
        return isMap(x) && depth < MAX_DEPTH && this.map(x, depth + 1);
      default:
        return false;
    }
  }

  list(xs: unknown, depth: number): boolean {
    if (!Array.isArray(xs) || depth >= MAX_DEPTH) return false;
    this.size += 3 + xs.length;
    this.json += 1 + Math.max(1, xs.length);
    for (let i = 0; i < xs.length; i++) if (!this.value(xs[i], depth + 1)) return false;
    return true;
  }

  /** Adds a map's (or the item's) attributes: names, values, and JSON braces, colons and commas. */
  map(m: Record<string, unknown>, depth: number): boolean {
    let count = 0;
    for (const name in m) {
      if (!hasOwn.call(m, name)) return false;
      count++;
      this.text(name);
      if (!this.value(m[name], depth)) return false;
    }
    this.json += 1 + Math.max(1, count) + count; // { } , and :
    if (depth > 0) this.size += 3 + count;
    return true;
  }
}
