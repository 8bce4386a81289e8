import { base64ToBytes, bytesToBase64 } from './binary';
import { normalizeNumber } from './number';
import type { AttributeValue, Item, KeySchema } from './types';

function keyPart(value: AttributeValue | undefined): string {
  if (value === undefined) return '?';
  if ('S' in value) return 'S:' + value.S;
  if ('N' in value) return 'N:' + (normalizeNumber(value.N) ?? value.N);
  if ('B' in value) {
    const bytes = base64ToBytes(value.B);
    return 'B:' + (bytes ? bytesToBase64(bytes) : value.B);
  }
  return 'X:' + JSON.stringify(value);
}

/**
 * The canonical key of an item: built from its key attributes alone, so that "1.0" and "1" (N),
 * or two base64 spellings of the same bytes, give the same string.
 */
export function canonicalKey(item: Item, schema: KeySchema): string {
  const pk = keyPart(item[schema.partitionKey.name]);
  if (!schema.sortKey) return JSON.stringify([pk]);
  return JSON.stringify([pk, keyPart(item[schema.sortKey.name])]);
}

/** The identity of an item across tables: table name plus canonical key. */
export function tableItemId(table: string, item: Item, schema: KeySchema): string {
  return table + '\u0000' + canonicalKey(item, schema);
}
