import {
  keyNames,
  type AttributeValue,
  type Item,
  type KeySchema,
} from '../../../../../shared/dynamo/types';

function part(v: AttributeValue | undefined): string {
  if (v === undefined) return '?';
  if ('S' in v) return v.S;
  if ('N' in v) return v.N;
  if ('B' in v) return v.B;
  return JSON.stringify(v);
}

/** A key as the user typed it: `T-00001`, or `acme, u005` for a composite key. */
export function keyText(key: Item, schema: KeySchema): string {
  return keyNames(schema)
    .map((n) => part(key[n]))
    .join(', ');
}
