import { describe, expect, it } from 'vitest';
import { parseJson } from './jsonParse';
import type { JsonNode } from './jsonParse';

function node(text: string): JsonNode {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.node;
}

function error(text: string) {
  const r = parseJson(text);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('parseJson', () => {
  it('keeps number literals as their exact text', () => {
    const big = '12345678901234567890123456789012345678';
    const n = node(`[${big}, -0.000100, 1E+125, 0]`);
    expect(n.kind === 'array' && n.items.map((x) => x.kind === 'number' && x.text)).toEqual([
      big,
      '-0.000100',
      '1E+125',
      '0',
    ]);
  });

  it('reads strings with escapes, booleans, null and nesting, with offsets', () => {
    const n = node('{"a": "x\\n\\u00e9\\"", "b": [true, false, null], "c": {}}');
    expect(n).toEqual({
      kind: 'object',
      at: 0,
      entries: [
        { key: 'a', at: 1, value: { kind: 'string', value: 'x\né"', at: 6 } },
        {
          key: 'b',
          at: 21,
          value: {
            kind: 'array',
            at: 26,
            items: [
              { kind: 'boolean', value: true, at: 27 },
              { kind: 'boolean', value: false, at: 33 },
              { kind: 'null', at: 40 },
            ],
          },
        },
        { key: 'c', at: 47, value: { kind: 'object', entries: [], at: 52 } },
      ],
    });
  });

  it('accepts a byte-order mark and surrounding whitespace', () => {
    expect(node('\ufeff \n 7 \n')).toEqual({ kind: 'number', text: '7', at: 4 });
  });

  it('reports line and column of errors with a readable reason', () => {
    expect(error('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      line: 3,
      column: 7,
      offset: 18,
      message: `Expected ':' after "b" but found '2'.`,
    });
    expect(error('{"a": 1,}').message).toMatch(/no trailing commas/);
    expect(error('[1, 2,]').message).toMatch(/no trailing commas/);
    expect(error('{"a": 1, "a": 2}')).toMatchObject({ column: 10, message: 'Duplicate key "a".' });
    expect(error('"abc').message).toMatch(/no closing quote/);
    expect(error('"a\nb"').message).toMatch(/line break/);
    expect(error("{'a': 1}").message).toMatch(/key in double quotes/);
    expect(error("['a']").message).toMatch(/double quotes/);
    expect(error('').message).toBe('Expected a value but found end of text.');
    expect(error('[1 2]').message).toBe(`Expected ',' or ']' but found '2'.`);
    expect(error('{} x').message).toMatch(/after the end/);
    expect(error('"\\x"').message).toMatch(/Unknown escape/);
    expect(error('"\\u12"').message).toMatch(/four hex digits/);
  });

  it('rejects numbers JSON does not allow', () => {
    for (const bad of ['01', '1.', '.5', '+1', '-', '1e', 'NaN', '0x1', '1.2.3']) {
      expect(parseJson(bad).ok, bad).toBe(false);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(error('['.repeat(10_000)).message).toMatch(/nested too deeply/);
  });
});
