import { expect, test } from 'vitest';
import { escapeControls, escaping } from './escape';

test('control characters, DEL, C1 and bidi overrides are escaped; newlines, tabs and text are kept', () => {
  expect(escapeControls('Tickets\x1b[2J\x07 ok\n\tnext')).toBe(
    'Tickets\\u001b[2J\\u0007 ok\n\tnext',
  );
  expect(escapeControls('a\x7fb\x9bc\u202ed\r')).toBe('a\\u007fb\\u009bc\\u202ed\\u000d');
  expect(escapeControls('é ✓ 日本')).toBe('é ✓ 日本');
});

test('escaped JSON text stays valid JSON with the same value', () => {
  const value = { table: 'T\x9b\u202e', reason: 'x\x1by' };
  const text = escapeControls(JSON.stringify(value));
  expect(['\x1b', '\x9b', '\u202e'].some((c) => text.includes(c))).toBe(false);
  expect(JSON.parse(text)).toEqual(value);
});

test('an escaping stream keeps isTTY and columns', () => {
  let got = '';
  const out = escaping({ write: (s: string) => (got += s), isTTY: true, columns: 80 });
  out.write('\x1b]0;title\x07');
  expect(got).toBe('\\u001b]0;title\\u0007');
  expect(out).toMatchObject({ isTTY: true, columns: 80 });
});
