/**
 * The length of JSON.stringify(value) without building the text: the atomic planner counts the
 * characters of every transaction action (10,000 of a bulk edit), and the strings it would
 * build are thrown away at once.
 */

// Printable ASCII other than `"` and `\`: JSON.stringify leaves it as is, one character each.
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function stringLength(s: string): number {
  // The regex scan is native and allocates nothing; escapes (and lone surrogates) take stringify.
  return PLAIN_JSON.test(s) ? s.length + 2 : JSON.stringify(s).length;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol';

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in v);
}

/**
 * Equals `JSON.stringify(value).length` for every value stringify accepts (and throws where it
 * throws). Plain objects, arrays, strings, booleans, null and numbers are walked; anything else
 * (a Date, a class instance, toJSON) is handed to JSON.stringify itself.
 */
export function jsonLength(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringLength(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'object':
      break;
    default:
      return (JSON.stringify(value) as string | undefined)?.length ?? 0;
  }
  if (value === null) return 4;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || 'toJSON' in value)
      return JSON.stringify(value).length;
    let n = 2 + Math.max(0, value.length - 1);
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      n += skipped(x) ? 4 : jsonLength(x);
    }
    return n;
  }
  if (!isPlainObject(value)) return JSON.stringify(value).length;
  const record = value as Record<string, unknown>;
  let n = 2;
  let members = 0;
  // for…in makes no key array (Object.keys did, per object); own keys only, as stringify takes.
  for (const key in record) {
    if (!hasOwn.call(record, key)) continue;
    const x = record[key];
    if (skipped(x)) continue;
    n += stringLength(key) + 1 + jsonLength(x);
    members++;
  }
  return n + Math.max(0, members - 1);
}
