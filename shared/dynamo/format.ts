/** Grid cell text and client-side ordering for AttributeValues. */
import { base64ByteLength, base64ToBytes } from './binary';
import { compareNumbers } from './number';
import { ATTR_TYPES, typeOf } from './types';
import type { AttributeValue } from './types';

const MAX_BASE64_SHOWN = 32;
const MAX_SET_MEMBERS_SHOWN = 20;

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function shortBase64(b64: string): string {
  return b64.length > MAX_BASE64_SHOWN ? b64.slice(0, MAX_BASE64_SHOWN) + '…' : b64;
}

function bytesLabel(b64: string): string {
  return `(${base64ByteLength(b64).toLocaleString('en-US')} B)`;
}

function setText(members: readonly string[], show: (m: string) => string): string {
  const shown = members.slice(0, MAX_SET_MEMBERS_SHOWN).map(show);
  const rest = members.length - shown.length;
  return `{${shown.join(', ')}${rest > 0 ? `, … +${rest}` : ''}}`;
}

/**
 * The text a grid cell shows: S as is, N exactly as stored, B as (shortened) base64 and size,
 * sets as {a, b}, maps as {3 keys}, lists as [5 items], BOOL as true/false, NULL as null.
 */
export function formatValue(v: AttributeValue): string {
  if ('S' in v) return v.S;
  if ('N' in v) return v.N;
  if ('B' in v) return `${shortBase64(v.B)} ${bytesLabel(v.B)}`;
  if ('BOOL' in v) return String(v.BOOL);
  if ('NULL' in v) return 'null';
  if ('SS' in v) return setText(v.SS, (s) => s);
  if ('NS' in v) return setText(v.NS, (s) => s);
  if ('BS' in v) return setText(v.BS, shortBase64);
  if ('L' in v) return `[${plural(v.L.length, 'item', 'items')}]`;
  return `{${plural(Object.keys(v.M).length, 'key', 'keys')}}`;
}

const TYPE_RANK = new Map(ATTR_TYPES.map((t, i) => [t, i]));

/** Orders strings by code point, which is DynamoDB's UTF-8 byte order (UTF-16 order is not). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF: move them above U+E000–FFFF.
    const fx = x >= 0xd800 ? (x <= 0xdfff ? x + 0x2000 : x - 0x800) : x;
    const fy = y >= 0xd800 ? (y <= 0xdfff ? y + 0x2000 : y - 0x800) : y;
    return fx < fy ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareBinary(a: string, b: string): number {
  const x = base64ToBytes(a);
  const y = base64ToBytes(b);
  if (!x || !y) return compareStrings(a, b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

function sizeOf(v: AttributeValue): number {
  if ('L' in v) return v.L.length;
  if ('M' in v) return Object.keys(v.M).length;
  if ('SS' in v) return v.SS.length;
  if ('NS' in v) return v.NS.length;
  if ('BS' in v) return v.BS.length;
  return 0;
}

function compareDefined(a: AttributeValue, b: AttributeValue): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return Math.sign((TYPE_RANK.get(ta) ?? 99) - (TYPE_RANK.get(tb) ?? 99));
  if ('S' in a && 'S' in b) return compareStrings(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B);
  if ('BOOL' in a && 'BOOL' in b) return a.BOOL === b.BOOL ? 0 : a.BOOL ? 1 : -1;
  return Math.sign(sizeOf(a) - sizeOf(b));
}

/**
 * A sort order for grid columns: numbers by value, strings by code point, binary by bytes,
 * other types by a fixed type order (S, N, B, BOOL, NULL, M, L, SS, NS, BS), missing values
 * last. With `descending`, defined values reverse but missing ones stay last.
 */
export function compareValues(
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
  descending = false,
): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const c = compareDefined(a, b);
  return descending ? -c : c;
}
