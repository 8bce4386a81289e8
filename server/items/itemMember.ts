/**
 * Finds a top-level member of one item's JSON bytes without parsing the item: the bytes come from
 * a page rawJson.ts already checked against the JSON grammar, so values are skipped, not checked.
 * The staging save checks a named original's key with it (server/staging/byRef.ts).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The index after the string that starts (its opening quote) at `i`. */
function afterString(b: Uint8Array, i: number): number {
  let at = i + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, at);
    if (q < 0) return b.length;
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    at = q + 1;
  }
}

/** The index after the value that starts at `i` (no whitespace before it). */
function afterValue(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === QUOTE) return afterString(b, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let k = i; k < b.length; ) {
      const d = b[k];
      if (d === QUOTE) {
        k = afterString(b, k);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return k + 1;
      }
      k++;
    }
    return b.length;
  }
  let k = i;
  while (k < b.length && b[k] !== 0x2c && b[k] !== 0x7d && b[k] !== 0x5d && !isSpace(b[k])) k++;
  return k;
}

function skipSpace(b: Uint8Array, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** The text of UTF-8 bytes (a view: nothing copied before decoding). */
export const utf8 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');

/**
 * The bytes of the value of member `name` of the JSON object `item` (Uint8Array: a Buffer is
 * faster), or undefined when it has none. The first one: an item DynamoDB sends is a map, written
 * without repeated names (JSON.parse would keep the last).
 */
export function memberValue(item: Uint8Array, name: string): Uint8Array | undefined {
  const want = Buffer.from(JSON.stringify(name));
  let i = skipSpace(item, 0);
  if (item[i] !== 0x7b) return undefined;
  i = skipSpace(item, i + 1);
  while (item[i] === QUOTE) {
    const nameEnd = afterString(item, i);
    const raw = item.subarray(i, nameEnd);
    const same = Buffer.compare(raw, want) === 0 || (raw.includes(BACKSLASH) && JSON.parse(utf8(raw)) === name);
    i = skipSpace(item, nameEnd);
    i = skipSpace(item, i + 1); // the colon
    const end = afterValue(item, i);
    if (same) return item.subarray(i, end);
    i = skipSpace(item, end);
    if (item[i] !== 0x2c) break;
    i = skipSpace(item, i + 1);
  }
  return undefined;
}

/** Whether the JSON value in `bytes` is `value` (same JSON once parsed; a key's S, N or B). */
export function sameJsonValue(bytes: Uint8Array, value: unknown): boolean {
  const text = JSON.stringify(value);
  // Written the same way (ASCII: one byte per character) is the common case.
  if (bytes.byteLength === text.length && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') === text) return true;
  return JSON.stringify(JSON.parse(utf8(bytes))) === text; // written otherwise (escapes, spaces)
}
