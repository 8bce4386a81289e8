import { canonicalKey } from '../../shared/dynamo/key';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { keyNames, typeOf } from '../../shared/dynamo/types';
import { validateNumber } from '../../shared/dynamo/validate';
import { binaryError } from '../../shared/query/values';
import { badInput } from '../errors';

/** Why `key` is not a key of a table with this schema, or null when it is one. */
export function keyProblem(key: Item, schema: KeySchema): string | null {
  const names = keyNames(schema);
  const extra = Object.keys(key).filter((n) => !names.includes(n));
  if (extra.length > 0) return `${extra.join(', ')} is not a key attribute`;
  for (const attr of [schema.partitionKey, ...(schema.sortKey ? [schema.sortKey] : [])]) {
    const v = key[attr.name];
    if (v === undefined) return `${attr.name} is missing`;
    if (typeOf(v) !== attr.type) return `${attr.name} must be of type ${attr.type}`;
    if ('S' in v && v.S === '') return `${attr.name} must not be empty`;
    if ('N' in v) {
      const e = validateNumber(v.N);
      if (e) return `${attr.name}: ${e}`;
    }
    if ('B' in v) {
      const e = binaryError(v.B);
      if (e) return `${attr.name}: ${e}`;
    }
  }
  return null;
}

export interface UniqueKeys {
  /** canonical key -> the key as first given, in request order. */
  keys: Map<string, Item>;
  duplicates: number;
}

/** Validated, deduplicated keys; throws a BadInput error naming the first bad key. */
export function uniqueKeys(keys: Item[], schema: KeySchema, field: string): UniqueKeys {
  const out: UniqueKeys = { keys: new Map(), duplicates: 0 };
  keys.forEach((key, i) => {
    const problem = keyProblem(key, schema);
    if (problem) {
      throw badInput(problem, `${field}.${i}`);
    }
    const canonical = canonicalKey(key, schema);
    if (out.keys.has(canonical)) out.duplicates++;
    else out.keys.set(canonical, key);
  });
  return out;
}
