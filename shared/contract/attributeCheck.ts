/**
 * A hand-written check of DynamoDB JSON (AttributeValue maps), for the contract's item schema.
 * zod's union of ten strict objects costs about 0.4 ms per 1 KB item (4.5 s for a 10,000-item bulk
 * edit's save); this walks each value once and allocates nothing when the value is valid, so a
 * valid value is returned as it came (the caller's object, `__proto__` attributes included).
 */

/** One thing wrong with a value: where (attribute names and list indexes) and what. */
export interface AttributeProblem {
  path: (string | number)[];
  message: string;
}

const SCALAR_STRING = new Set(['S', 'N', 'B']);
const STRING_SET = new Set(['SS', 'NS', 'BS']);
const TYPES = 'S, N, B, BOOL, NULL, M, L, SS, NS or BS';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first problem of one AttributeValue, or null when it is valid. */
export function attributeValueProblem(v: unknown): AttributeProblem | null {
  if (!isObject(v)) return { path: [], message: `expected an AttributeValue (an object with one of ${TYPES})` };
  let type: string | undefined;
  let count = 0;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    type = k;
    count++;
  }
  if (count !== 1 || type === undefined)
    return {
      path: [],
      message: `an AttributeValue has exactly one type key (${TYPES}); found ${count === 0 ? 'none' : Object.keys(v).join(', ')}`,
    };
  const inner = v[type];
  if (SCALAR_STRING.has(type)) {
    return typeof inner === 'string' ? null : { path: [type], message: `${type} must be a string` };
  }
  if (STRING_SET.has(type)) {
    if (!Array.isArray(inner)) return { path: [type], message: `${type} must be a list of strings` };
    for (let i = 0; i < inner.length; i++)
      if (typeof inner[i] !== 'string')
        return { path: [type, i], message: `${type} members must be strings` };
    return null;
  }
  switch (type) {
    case 'BOOL':
      return typeof inner === 'boolean' ? null : { path: [type], message: 'BOOL must be true or false' };
    case 'NULL':
      return inner === true ? null : { path: [type], message: 'NULL must be true' };
    case 'M': {
      const p = itemProblem(inner);
      return p && { path: [type, ...p.path], message: p.message };
    }
    case 'L': {
      if (!Array.isArray(inner)) return { path: [type], message: 'L must be a list of AttributeValues' };
      for (let i = 0; i < inner.length; i++) {
        const p = attributeValueProblem(inner[i]);
        if (p) return { path: [type, i, ...p.path], message: p.message };
      }
      return null;
    }
    default:
      return { path: [], message: `unknown AttributeValue type "${type}" (expected ${TYPES})` };
  }
}

/** The first problem of an item (an object of AttributeValues by name), or null when valid. */
export function itemProblem(item: unknown): AttributeProblem | null {
  if (!isObject(item)) return { path: [], message: 'expected an object of attributes' };
  for (const name in item) {
    if (!Object.prototype.hasOwnProperty.call(item, name)) continue;
    const p = attributeValueProblem(item[name]);
    if (p) return { path: [name, ...p.path], message: p.message };
  }
  return null;
}
