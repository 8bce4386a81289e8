/**
 * How many UTF-8 bytes JSON.stringify(value) takes (what a request body of it weighs): the save
 * queue sizes its writes with it. Native stringify beats walking the value in script (measured:
 * a walk cost more than the stringify it replaced); the UTF-8 count runs only on non-ASCII text.
 */

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
const NON_ASCII = /[^\u0000-\u007f]/;

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
  const s = JSON.stringify(value) ?? '';
  return NON_ASCII.test(s) ? utf8Length(s) : s.length;
}
