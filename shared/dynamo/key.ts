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

/**
 * The canonical key of an item: built from its key attributes alone, so that "1.0" and "1" (N),
 * or two base64 spellings of the same bytes, give the same string.
 */
export function canonicalKey(item: Item, schema: KeySchema): string {
  const pk = quote(keyPart(item[schema.partitionKey.name]));
  if (!schema.sortKey) return `[${pk}]`;
  return `[${pk},${quote(keyPart(item[schema.sortKey.name]))}]`;
}

/** The identity of an item across tables: table name plus canonical key. */
export function tableItemId(table: string, item: Item, schema: KeySchema): string {
  return table + '\u0000' + canonicalKey(item, schema);
}
