import type { AttributeValue, Item } from './types';

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.every((x, i) => x === b[i])) return true;
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.every((x, i) => x === sb[i]);
}

/**
 * True when two values are the same as stored: same type, N and B compared as their stored
 * strings ("1.0" differs from "1"), sets compared without regard to member order.
 */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a === b) return true;
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && a.N === b.N;
  if ('B' in a) return 'B' in b && a.B === b.B;
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('SS' in a) return 'SS' in b && sameMembers(a.SS, b.SS);
  if ('NS' in a) return 'NS' in b && sameMembers(a.NS, b.NS);
  if ('BS' in a) return 'BS' in b && sameMembers(a.BS, b.BS);
  if ('L' in a) {
    if (!('L' in b) || a.L.length !== b.L.length) return false;
    const bl = b.L;
    return a.L.every((x, i) => valuesEqual(x, bl[i] as AttributeValue));
  }
  return 'M' in b && itemsEqual(a.M, b.M);
}

/** True when two items (or maps) hold the same attribute names with equal values. */
export function itemsEqual(a: Item, b: Item): boolean {
  if (a === b) return true;
  let count = 0;
  for (const name in a) {
    const bv = b[name];
    if (bv === undefined || !valuesEqual(a[name] as AttributeValue, bv)) return false;
    count++;
  }
  for (const _name in b) if (--count < 0) return false;
  return true;
}
