import { describe, expect, test } from 'vitest';
import { formatPath, parsePath, pathsOverlap } from './path';

describe('parsePath', () => {
  test('names and list indexes', () => {
    expect(parsePath('a.b[0].c')).toEqual({
      ok: true,
      segments: [{ name: 'a' }, { name: 'b' }, { index: 0 }, { name: 'c' }],
    });
    expect(parsePath(' matrix[1][12] ')).toEqual({
      ok: true,
      segments: [{ name: 'matrix' }, { index: 1 }, { index: 12 }],
    });
  });

  test('quoted names may hold dots, brackets and escaped quotes', () => {
    expect(parsePath('"a.b"."x[1]"."say \\"hi\\""')).toEqual({
      ok: true,
      segments: [{ name: 'a.b' }, { name: 'x[1]' }, { name: 'say "hi"' }],
    });
  });

  test.each([
    ['', 'path is empty'],
    ['[0]', 'attribute name expected at position 1'],
    ['a..b', 'attribute name expected at position 3'],
    ['a.', 'attribute name expected at position 3'],
    ['a[x]', 'list index expected at position 2, like [0]'],
    ['a]', 'unexpected "]" at position 2'],
    ['"open', 'unclosed quote'],
    ['""', 'empty quoted name'],
  ])('rejects %j', (text, error) => {
    expect(parsePath(text)).toEqual({ ok: false, error });
  });

  test('formatPath round-trips, quoting odd names', () => {
    const text = formatPath([{ name: 'a.b' }, { index: 3 }, { name: 'plain' }, { name: 'q"x' }]);
    expect(text).toBe('"a.b"[3].plain."q\\"x"');
    const parsed = parsePath(text);
    expect(parsed.ok && formatPath(parsed.segments)).toBe(text);
  });

  test('pathsOverlap: equal paths and prefixes overlap, siblings do not', () => {
    const p = (t: string) => {
      const r = parsePath(t);
      if (!r.ok) throw new Error(r.error);
      return r.segments;
    };
    expect(pathsOverlap(p('a.b'), p('a'))).toBe(true);
    expect(pathsOverlap(p('a[1]'), p('a[1].c'))).toBe(true);
    expect(pathsOverlap(p('a[1]'), p('a[2]'))).toBe(false);
    expect(pathsOverlap(p('a.b'), p('a.c'))).toBe(false);
  });
});
