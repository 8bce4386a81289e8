import { ATTR_TYPES } from './types';
import type { AttrType } from './types';

const isStringArray = (x: unknown) => Array.isArray(x) && x.every((m) => typeof m === 'string');
const isMap = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);

const INNER: Record<AttrType, [(x: unknown) => boolean, string]> = {
  S: [(x) => typeof x === 'string', 'a string'],
  N: [(x) => typeof x === 'string', 'a string of digits'],
  B: [(x) => typeof x === 'string', 'a base64 string'],
  BOOL: [(x) => typeof x === 'boolean', 'true or false'],
  NULL: [(x) => x === true, 'true'],
  M: [isMap, 'an object'],
  L: [Array.isArray, 'an array'],
  SS: [isStringArray, 'an array of strings'],
  NS: [isStringArray, 'an array of number strings'],
  BS: [isStringArray, 'an array of base64 strings'],
};

/**
 * Null when `v` has the outer shape of an AttributeValue (one known type tag holding the right
 * kind of content; nested values are not visited); otherwise a phrase such as "is not a value".
 */
export function checkShape(v: unknown): string | null {
  if (!isMap(v)) return 'is not a DynamoDB value (expected an object such as {"S": "text"})';
  const tags = Object.keys(v as object);
  if (tags.length !== 1) {
    return tags.length === 0
      ? 'has no type (expected one of S, N, B, BOOL, NULL, M, L, SS, NS, BS)'
      : `has ${tags.length} types (${tags.join(', ')}); a value has exactly one`;
  }
  const tag = tags[0] as string;
  if (!(ATTR_TYPES as readonly string[]).includes(tag)) {
    return `has unknown type "${tag}" (expected one of ${ATTR_TYPES.join(', ')})`;
  }
  const [ok, expected] = INNER[tag as AttrType];
  return ok((v as Record<string, unknown>)[tag]) ? null : `has ${tag} that is not ${expected}`;
}
