import { describe, expect, test } from 'vitest';
import { jsonLength } from './jsonLength';

const own = JSON.parse('{"__proto__":{"S":"kept"},"a":{"N":"1"}}') as unknown;

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const values: [string, unknown][] = [
  ['plain ASCII', 'hello world'],
  ['quote and backslash', 'say "hi" \\ there'],
  ['control characters', 'a\u0000b\nc\td\u001f'],
  ['DEL', '\u007f'],
  ['non-ASCII', 'Zoë 東京 🎉'],
  ['lone surrogates', 'x\ud800y\udfffz'],
  ['empty string', ''],
  ['numbers', [0, -0, 1.5, -2e-7, 1e21, 123456789012345680000, NaN, Infinity, -Infinity]],
  ['booleans and null', [true, false, null]],
  ['array holes and skipped members', [undefined, () => 1, Symbol('s'), , 'end']], // eslint-disable-line no-sparse-arrays -- a hole is what stringify writes as null
  ['object with skipped members', { a: undefined, b: () => 1, c: Symbol('s'), d: 'kept' }],
  ['empty object and array', { o: {}, a: [] }],
  ['integer-like keys come first', { b: 1, 2: 'two', a: 'x', 1: 'one' }],
  ['escaped keys', { 'k"ey': 1, 'ü': 2, '\n': 3 }],
  ['own __proto__ key', own],
  ['null-prototype object', Object.assign(Object.create(null) as object, { '#n0': 'status' })],
  ['a Date (toJSON)', { at: new Date(0) }],
  ['a class instance', { p: new Point(1, 2) }],
  ['boxed values', [new String('s'), new Number(3), new Boolean(false)]],
  [
    'a transaction action',
    {
      Update: {
        TableName: 'bench100k',
        Key: { id: { S: 'B-0000001' } },
        UpdateExpression: 'SET #n0 = :v0',
        ConditionExpression: 'attribute_exists(#n1) AND #n0 = :v1',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        ExpressionAttributeNames: { '#n0': 'status', '#n1': 'id' },
        ExpressionAttributeValues: {
          ':v0': { S: 'bulk "0" ✓' },
          ':v1': { M: { l: { L: [{ NULL: true }, { BOOL: false }, { SS: ['a', 'b'] }] } } },
        },
      },
    },
  ],
];

describe('jsonLength is JSON.stringify(value).length', () => {
  test.each(values)('%s', (_, v) => {
    expect(jsonLength(v)).toBe(JSON.stringify(v).length);
  });

  test('an enumerable property inherited from Object.prototype is not counted', () => {
    const v = { a: { S: 'b' } };
    let counted: number;
    Object.defineProperty(Object.prototype, 'polluted', { value: 'x', enumerable: true, configurable: true, writable: true });
    try {
      counted = jsonLength(v);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(counted).toBe(JSON.stringify(v).length);
  });

  test('top-level values stringify leaves out have no text', () => {
    expect(jsonLength(undefined)).toBe(0);
    expect(jsonLength(() => 1)).toBe(0);
  });

  test('it throws where stringify throws', () => {
    expect(() => jsonLength({ n: 1n })).toThrow(TypeError);
  });
});
