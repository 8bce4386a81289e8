import { base64ToBytes, bytesToBase64 } from './binary';
import { normalizeNumber } from './number';
import type { AttributeValue, Item, KeySchema } from './types';

// Text JSON.stringify leaves as is (it escapes quotes, backslashes, controls and lone surrogates).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const JSON_SAFE = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify(s), without its cost for the common case: the output is identical. */
function quote(s: string): string {
  return JSON_SAFE.test(s) ? `"${s}"` : JSON.stringify(s);
}

const CANONICAL_INTEGER = /^(?:0|-?[1-9]\d{0,39})$/;

/**
 * A key value in normal form without its type: equal for "1.0" and "1" (N), or for two base64
 * spellings of the same bytes (B); '' for a missing or non-scalar value.
 */
export function normalizedKeyValue(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  if ('N' in value) {
    // Plain integers of up to 40 digits are already in normal form: skip the parse.
    const n = value.N;
    return CANONICAL_INTEGER.test(n) ? n : (normalizeNumber(n) ?? n);
  }
  if ('B' in value) {
    const bytes = base64ToBytes(value.B);
    return bytes ? bytesToBase64(bytes) : value.B;
  }
  return '';
}

function keyPart(value: AttributeValue | undefined): string {
  if (value === undefined) return '?';
  if ('S' in value) return 'S:' + value.S;
  if ('N' in value) return 'N:' + normalizedKeyValue(value);
  if ('B' in value) return 'B:' + normalizedKeyValue(value);
  return 'X:' + JSON.stringify(value);
}

/** quote(keyPart(value)), without the intermediate strings for plain S keys and integer N keys. */
function quotedPart(value: AttributeValue | undefined): string {
  // The "S:" and "N:" prefixes are JSON-safe, so the value alone decides.
  if (value === undefined) return '"?"';
  if ('S' in value) return JSON_SAFE.test(value.S) ? '"S:' + value.S + '"' : quote(keyPart(value));
  if ('N' in value && CANONICAL_INTEGER.test(value.N)) return '"N:' + value.N + '"';
  return quote(keyPart(value));
}

/**
 * The canonical key of an item: built from its key attributes alone, so that "1.0" and "1" (N),
 * or two base64 spellings of the same bytes, give the same string.
 */
export function canonicalKey(item: Item, schema: KeySchema): string {
  const pk = quotedPart(item[schema.partitionKey.name]);
  if (!schema.sortKey) return '[' + pk + ']';
  return '[' + pk + ',' + quotedPart(item[schema.sortKey.name]) + ']';
}

/** The end of quotedPart(value) when `text` holds it at `at`, or -1; allocates nothing for plain values. */
function partEnd(text: string, at: number, value: AttributeValue | undefined): number {
  // The same cases as quotedPart, in the same order.
  let tag = 0;
  let raw = '';
  if (value !== undefined && 'S' in value) {
    if (typeof value.S === 'string' && JSON_SAFE.test(value.S)) {
      tag = 83; // S
      raw = value.S;
    }
  } else if (value !== undefined && 'N' in value && typeof value.N === 'string') {
    if (CANONICAL_INTEGER.test(value.N)) {
      tag = 78; // N
      raw = value.N;
    }
  }
  if (tag === 0) {
    const part = quotedPart(value);
    return text.startsWith(part, at) ? at + part.length : -1;
  }
  // "T:raw"
  if (text.charCodeAt(at) !== 34 || text.charCodeAt(at + 1) !== tag) return -1;
  if (text.charCodeAt(at + 2) !== 58 || !text.startsWith(raw, at + 3)) return -1;
  const end = at + 3 + raw.length;
  return text.charCodeAt(end) === 34 ? end + 1 : -1;
}

/**
 * Whether `text` from `start` to its end is canonicalKey(item, schema): a check of a known id
 * that, for plain S and integer N keys, builds no string.
 */
export function isCanonicalKeyAt(
  text: string,
  start: number,
  item: Item,
  schema: KeySchema,
): boolean {
  if (text.charCodeAt(start) !== 91) return false; // [
  let at = partEnd(text, start + 1, item[schema.partitionKey.name]);
  if (at < 0) return false;
  if (schema.sortKey) {
    if (text.charCodeAt(at) !== 44) return false; // ,
    at = partEnd(text, at + 1, item[schema.sortKey.name]);
    if (at < 0) return false;
  }
  return at === text.length - 1 && text.charCodeAt(at) === 93; // ]
}
