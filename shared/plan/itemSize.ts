/**
 * DynamoDB item size (as shared/dynamo/size computes it) without that module's per-value costs:
 * ASCII text is measured by one native regex scan (short text by a plain loop), plain decimal
 * numbers by counting digits rather than parsing, base64 without copying it. The planner
 * measures every staged item, so this is its hottest loop; unusual spellings fall back to
 * valueSize, and the tests hold it equal to itemSize.
 */
import { utf8Length } from '../dynamo/binary';
import { measureItem } from '../dynamo/measure';
import { plainSignificantDigits } from '../dynamo/number';
import { valueSize } from '../dynamo/size';
import type { AttributeValue, Item } from '../dynamo/types';

// eslint-disable-next-line no-control-regex -- ASCII includes the control characters
const ASCII = /^[\x00-\x7f]*$/;

/** UTF-8 bytes of `s`. */
function textBytes(s: string): number {
  if (s.length > 40) return ASCII.test(s) ? s.length : utf8Length(s);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return utf8Length(s);
  return s.length;
}

/**
 * Bytes of a number written as plain decimal digits (sign, digits, one dot): one byte per two
 * significant digits, plus one. -1 for any other spelling (exponents, spaces), left to valueSize.
 */
function decimalBytes(n: string): number {
  const d = plainSignificantDigits(n, true);
  return d < 0 ? -1 : Math.ceil(Math.max(d, 1) / 2) + 1; // zero: one digit
}

function numberBytes(n: string): number {
  const b = decimalBytes(n);
  return b >= 0 ? b : valueSize({ N: n });
}

const SPACE = /\s/;

/** Bytes of base64 data, as base64ByteLength counts them, without copying clean text. */
export function base64Bytes(b64: string): number {
  if (SPACE.test(b64)) return valueSize({ B: b64 });
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

function sum(xs: readonly string[], size: (x: string) => number): number {
  let n = 0;
  for (const x of xs) n += size(x);
  return n;
}

/** Equals valueSize(v) from shared/dynamo/size. */
function bytesOf(v: AttributeValue): number {
  if ('S' in v) return textBytes(v.S);
  if ('N' in v) return numberBytes(v.N);
  if ('B' in v) return base64Bytes(v.B);
  if ('BOOL' in v || 'NULL' in v) return 1;
  if ('SS' in v) return sum(v.SS, textBytes);
  if ('NS' in v) return sum(v.NS, numberBytes);
  if ('BS' in v) return sum(v.BS, base64Bytes);
  if ('L' in v) {
    let n = 3;
    for (const x of v.L) n += 1 + bytesOf(x);
    return n;
  }
  let n = 3;
  for (const k in v.M) n += 1 + textBytes(k) + bytesOf(v.M[k] as AttributeValue);
  return n;
}

/**
 * Equals itemSize(item) from shared/dynamo/size for every item. Items in common form are measured
 * by measureItem's single walk (remembered per item object); others by the loop below.
 */
export function measuredItemSize(item: Item): number {
  return measureItem(item)?.size ?? anyItemSize(item);
}

/** The same figure for any item, without measureItem (valid or not, common form or not). */
export function anyItemSize(item: Item): number {
  let size = 0;
  for (const name in item) size += textBytes(name) + bytesOf(item[name] as AttributeValue);
  return size;
}
