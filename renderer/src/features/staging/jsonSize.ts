/**
 * How many UTF-8 bytes JSON.stringify(value) takes, without building the string: the save queue
 * sizes its writes with it (stringifying every entry only to measure it cost as much as sending).
 * Exact for JSON data (objects, arrays, strings, finite numbers, booleans, null; undefined members
 * left out as JSON.stringify does).
 */

// Characters JSON.stringify escapes: quote, backslash, C0 controls, lone surrogates.
// eslint-disable-next-line no-control-regex -- control characters are what gets escaped
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
const NON_ASCII = /[^\u0000-\u007f]/;

function stringSize(s: string): number {
  if (!ESCAPED.test(s) && !NON_ASCII.test(s)) return s.length + 2;
  return utf8Length(JSON.stringify(s));
}

/** UTF-8 length of a string (TextEncoder would allocate the bytes). */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonSize(value: unknown): number {
  if (value === null) return 4;
  switch (typeof value) {
    case 'string':
      return stringSize(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      break;
    default:
      return 0;
  }
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += v === undefined || typeof v === 'function' ? 4 : jsonSize(v);
    return n;
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return jsonSize(withJson.toJSON());
  let n = 2;
  let members = 0;
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    n += stringSize(k) + 1 + jsonSize(v);
    members++;
  }
  return n + Math.max(0, members - 1);
}
