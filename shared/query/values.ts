/** Checks and orderings for the values a user types into key and filter conditions. */
import { base64ToBytes } from '../dynamo/binary';
import { compareNumbers } from '../dynamo/number';
import type { AttributeValue } from '../dynamo/types';
import { validateNumber } from '../dynamo/validate';

/** Null when a B value is base64, else why not. */
export function binaryError(b64: string): string | null {
  return base64ToBytes(b64) ? null : 'not valid base64';
}

/** Errors in the scalar parts of a value (numbers and binary, sets and nested values included). */
export function valueError(v: AttributeValue): string | null {
  if ('N' in v) return validateNumber(v.N);
  if ('B' in v) return binaryError(v.B);
  if ('NS' in v) return v.NS.map(validateNumber).find((e) => e !== null) ?? null;
  if ('BS' in v) return v.BS.map(binaryError).find((e) => e !== null) ?? null;
  if ('L' in v) return v.L.map(valueError).find((e) => e !== null) ?? null;
  if ('M' in v)
    return (
      Object.values(v.M)
        .map(valueError)
        .find((e) => e !== null) ?? null
    );
  return null;
}

function compareCodePoints(a: string, b: string): number {
  // UTF-8 byte order (DynamoDB's order for S) equals code point order, not UTF-16 unit order.
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** DynamoDB's order for two valid values of the same type S, N or B; null for other pairs. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number | null {
  if ('S' in a && 'S' in b) return compareCodePoints(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) {
    const x = base64ToBytes(a.B);
    const y = base64ToBytes(b.B);
    return x && y ? compareBytes(x, y) : null;
  }
  return null;
}
