import { describe, expect, it } from 'vitest';
import { jsonSize } from './jsonSize';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('jsonSize', () => {
  it.each([
    ['plain', { a: 1, b: 'x', c: [true, false, null], d: { e: [] } }],
    ['escapes', { 'q"k': 'line\nbreak\t"quoted" \\ \u0001', e: '' }],
    ['non-ASCII', { name: 'Zoë – 東京 😀', list: ['é', '€'] }],
    ['lone surrogate', { s: 'a\ud800b' }],
    ['undefined members', { a: undefined, b: [undefined, 1], c: 2 }],
    ['numbers', [0, -1.5, 1e21, 123456789, NaN, Infinity]],
    ['__proto__ attribute', JSON.parse('{"__proto__":{"S":"x"},"n":{"N":"1"}}')],
    [
      'a staged change',
      {
        id: '["c1","t",{"id":{"S":"B-1"}}]',
        connectionId: 'c1',
        table: 't',
        change: { kind: 'update', key: { id: { S: 'B-1' } }, item: { m: { M: { l: { L: [{ NULL: true }] } } } } },
      },
    ],
  ])('equals the UTF-8 length of JSON.stringify: %s', (_name, value) => {
    expect(jsonSize(value)).toBe(bytes(value));
  });
});
