import { base64ByteLength, utf8Length } from './binary';
import { parseNumber } from './number';
import type { AttributeValue, Item } from './types';

function numberSize(n: string): number {
  const p = parseNumber(n);
  const digits = p ? Math.max(p.digits.length, 1) : n.length;
  return Math.ceil(digits / 2) + 1;
}

/** The size DynamoDB charges for one value (see DYNAMODB.md "Item size and capacity"). */
export function valueSize(v: AttributeValue): number {
  if ('S' in v) return utf8Length(v.S);
  if ('N' in v) return numberSize(v.N);
  if ('B' in v) return base64ByteLength(v.B);
  if ('BOOL' in v || 'NULL' in v) return 1;
  if ('SS' in v) return v.SS.reduce((s, x) => s + utf8Length(x), 0);
  if ('NS' in v) return v.NS.reduce((s, x) => s + numberSize(x), 0);
  if ('BS' in v) return v.BS.reduce((s, x) => s + base64ByteLength(x), 0);
  if ('L' in v) return 3 + v.L.reduce((s, x) => s + 1 + valueSize(x), 0);
  return 3 + Object.entries(v.M).reduce((s, [k, x]) => s + 1 + utf8Length(k) + valueSize(x), 0);
}

/** The item size in bytes as DynamoDB computes it: attribute names plus values. */
export function itemSize(item: Item): number {
  let size = 0;
  for (const name in item) size += utf8Length(name) + valueSize(item[name] as AttributeValue);
  return size;
}

/** Write capacity units for writing one item of this size (1 KB units, at least 1). */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}
