/** Deep equality of DynamoDB values as the service sees them: numbers by value, sets unordered. */
import { base64ToBytes, bytesToBase64 } from '../../shared/dynamo/binary';
import { normalizeNumber } from '../../shared/dynamo/number';
import type { AttributeValue, Item } from '../../shared/dynamo/types';

const num = (n: string) => normalizeNumber(n) ?? n;
const bin = (b: string) => {
  const bytes = base64ToBytes(b);
  return bytes ? bytesToBase64(bytes) : b;
};

function sameSet(a: string[], b: string[], norm: (x: string) => string): boolean {
  if (a.length !== b.length) return false;
  const sa = new Set(a.map(norm));
  return sa.size === new Set(b.map(norm)).size && b.every((x) => sa.has(norm(x)));
}

/** True when both values are the same DynamoDB value ("1.0" equals "1"; set order is ignored). */
export function valuesEquivalent(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && num(a.N) === num(b.N);
  if ('B' in a) return 'B' in b && bin(a.B) === bin(b.B);
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('SS' in a) return 'SS' in b && sameSet(a.SS, b.SS, (x) => x);
  if ('NS' in a) return 'NS' in b && sameSet(a.NS, b.NS, num);
  if ('BS' in a) return 'BS' in b && sameSet(a.BS, b.BS, bin);
  if ('L' in a) {
    return (
      'L' in b &&
      a.L.length === b.L.length &&
      a.L.every((x, i) => valuesEquivalent(x, b.L[i] as AttributeValue))
    );
  }
  return 'M' in b && itemsEquivalent(a.M, b.M);
}

/** True when both items hold the same attributes with equal values. */
export function itemsEquivalent(a: Item, b: Item): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((n) => {
    const y = b[n];
    return y !== undefined && valuesEquivalent(a[n] as AttributeValue, y);
  });
}
