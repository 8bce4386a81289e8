/**
 * Exact byte sizes of the JSON the AWS SDK sends for BatchWriteItem: it serialises with
 * JSON.stringify, in object key order, and re-encodes binary as padded base64.
 */
import { base64ByteLength, utf8Length } from '../dynamo/binary';
import { measureItemUncached } from '../dynamo/measure';
import type { AttributeValue, Item } from '../dynamo/types';
import type { PlanInput } from './types';

// Printable ASCII other than `"` and `\`: JSON.stringify leaves it as is, one byte a character.
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7f]*$/;

function stringJson(s: string): number {
  // The regex scan is native and allocates nothing; stringify copies the string first.
  return PLAIN_JSON.test(s) ? s.length + 2 : utf8Length(JSON.stringify(s));
}

function binaryJson(b64: string): number {
  return 2 + 4 * Math.ceil(base64ByteLength(b64) / 3);
}

function listJson<T>(xs: T[], size: (x: T) => number): number {
  let n = 2 + Math.max(0, xs.length - 1);
  for (const x of xs) n += size(x);
  return n;
}

/** Bytes of one AttributeValue as serialised JSON, e.g. `{"S":"abc"}` is 11. */
export function valueJsonBytes(v: AttributeValue): number {
  // `{"T":` is 5 bytes plus the tag, and `}` closes it.
  if ('S' in v) return 6 + stringJson(v.S);
  if ('N' in v) return 6 + stringJson(v.N);
  if ('B' in v) return 6 + binaryJson(v.B);
  if ('BOOL' in v) return 9 + (v.BOOL ? 4 : 5);
  if ('NULL' in v) return 13;
  if ('SS' in v) return 7 + listJson(v.SS, stringJson);
  if ('NS' in v) return 7 + listJson(v.NS, stringJson);
  if ('BS' in v) return 7 + listJson(v.BS, binaryJson);
  if ('L' in v) return 6 + listJson(v.L, valueJsonBytes);
  return 6 + itemJsonBytes(v.M);
}

/** Bytes of an item (attribute map) as serialised JSON. */
export function itemJsonBytes(item: Item): number {
  const names = Object.keys(item);
  let n = 2 + Math.max(0, names.length - 1);
  for (const name of names)
    n += stringJson(name) + 1 + valueJsonBytes(item[name] as AttributeValue);
  return n;
}

/**
 * Bytes of one write request: `{"PutRequest":{"Item":…}}` or `{"DeleteRequest":{"Key":…}}`.
 * Measured by measure.ts's walk when in common form, by itemJsonBytes (the plain, exact
 * reference for any item) otherwise.
 */
export function opJsonBytes(op: PlanInput): number {
  const item = op.kind === 'delete' ? op.key : op.item;
  const bytes = measureItemUncached(item)?.jsonBytes ?? itemJsonBytes(item);
  return (op.kind === 'delete' ? 26 : 24) + bytes;
}

/** Bytes of `{"RequestItems":{}}` plus `,"ReturnConsumedCapacity":"TOTAL"` when asked. */
export function bodyBaseBytes(returnConsumedCapacity: boolean): number {
  return 19 + (returnConsumedCapacity ? 33 : 0);
}

/** Bytes a table adds to RequestItems before its first request: `"T":[]` (and a comma). */
export function tableEntryBytes(table: string, first: boolean): number {
  return stringJson(table) + 3 + (first ? 0 : 1);
}
