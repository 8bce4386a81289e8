import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item, KeySchema } from './types';
import { validateItem, validateNumber } from './validate';

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const base: Item = { pk: { S: 'user#1' }, sk: { N: '1' } };
const codes = (item: Item, s: KeySchema = schema) => validateItem(item, s).map((i) => i.code);
const issuesOf = (extra: Item) => validateItem({ ...base, ...extra }, schema);

function nested(levels: number): AttributeValue {
  let v: AttributeValue = { S: 'leaf' };
  for (let i = 0; i < levels; i++) v = i % 2 ? { L: [v] } : { M: { n: v } };
  return v;
}

describe('validateNumber', () => {
  it('accepts the numbers DynamoDB reads, including the extremes', () => {
    for (const ok of [
      '0',
      '-0',
      '1.',
      '.5',
      '-12.50',
      '1e3',
      '1E-130',
      '-1E-130',
      '0.0e999',
      '+1',
      '+.5e2',
    ]) {
      expect(validateNumber(ok), ok).toBeNull();
    }
    expect(validateNumber('9.9999999999999999999999999999999999999E+125')).toBeNull();
    expect(validateNumber('1' + '0'.repeat(125))).toBeNull(); // trailing zeros are not significant
    expect(validateNumber('1'.repeat(38))).toBeNull();
  });

  it('rejects bad syntax with a hint', () => {
    expect(validateNumber('')).toMatch(/empty/);
    expect(validateNumber('abc')).toMatch(/"abc" is not a number/);
    expect(validateNumber(' 1')).toMatch(/remove the spaces/);
    for (const bad of [
      '1e',
      '.',
      '-',
      '+',
      '+-1',
      '++1',
      '1..2',
      '0x10',
      'NaN',
      'Infinity',
      '1,000',
    ]) {
      expect(validateNumber(bad), bad).not.toBeNull();
    }
  });

  it('rejects more than 38 significant digits', () => {
    expect(validateNumber('1'.repeat(39))).toMatch(/39 significant digits/);
    expect(validateNumber('0.000' + '1'.repeat(39))).toMatch(/39 significant digits/);
    expect(validateNumber('1' + '0'.repeat(37) + '1')).toMatch(/39 significant/); // inner zeros count
  });

  it('rejects magnitudes outside 1E-130 .. 9.99…E+125', () => {
    expect(validateNumber('1E+126')).toMatch(/too large/);
    expect(validateNumber('-1E+126')).toMatch(/too large/);
    expect(validateNumber('9.9E-131')).toMatch(/too small/);
    expect(validateNumber('1' + '0'.repeat(126))).toMatch(/too large/);
  });
});

describe('validateItem', () => {
  it('finds nothing wrong with a valid item', () => {
    const item: Item = {
      ...base,
      s: { S: '' }, // empty strings are fine outside keys
      b: { B: '' },
      tags: { SS: ['a', 'b'] },
      nums: { NS: ['1', '2.5'] },
      bins: { BS: ['AQ==', 'Ag=='] },
      m: { M: { l: { L: [{ NULL: true }, { BOOL: false }] } } },
    };
    expect(validateItem(item, schema)).toEqual([]);
  });

  it('reports missing keys, wrong key types and empty keys, naming the attribute', () => {
    const missing = validateItem({ pk: { S: 'a' } }, schema);
    expect(missing).toEqual([
      { path: 'sk', code: 'key-missing', message: 'Sort key sk is missing.' },
    ]);
    const wrong = validateItem({ pk: { N: '1' }, sk: { N: '1' } }, schema);
    expect(wrong[0]?.code).toBe('key-type');
    expect(wrong[0]?.message).toBe('Partition key pk must be a string (S); it is a number (N).');
    expect(codes({ pk: { S: '' }, sk: { N: '1' } })).toEqual(['key-empty']);
    const bin: KeySchema = { partitionKey: { name: 'id', type: 'B' } };
    expect(codes({ id: { B: '' } }, bin)).toEqual(['key-empty']);
    expect(codes({ id: { B: 'AA==' } }, bin)).toEqual([]); // one zero byte is not empty
  });

  it('limits partition keys to 2048 bytes and sort keys to 1024 bytes (UTF-8)', () => {
    const s: KeySchema = {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    };
    expect(codes({ pk: { S: 'x'.repeat(2048) }, sk: { S: 'y'.repeat(1024) } }, s)).toEqual([]);
    expect(codes({ pk: { S: 'é'.repeat(1025) }, sk: { S: 'y' } }, s)).toEqual(['key-too-long']);
    const long = validateItem({ pk: { S: 'a' }, sk: { S: 'y'.repeat(1025) } }, s);
    expect(long[0]?.message).toBe('Sort key sk is 1,025 bytes; DynamoDB allows at most 1,024.');
  });

  it('limits the item to 409,600 bytes', () => {
    const room = 409_600 - 'pk'.length - 'user#1'.length - 'sk'.length - 2 - 'big'.length;
    expect(codes({ ...base, big: { S: 'x'.repeat(room) } })).toEqual([]);
    const over = validateItem({ ...base, big: { S: 'x'.repeat(room + 1) } }, schema);
    expect(over).toEqual([
      {
        path: '',
        code: 'item-too-large',
        message: 'The item is 409,601 bytes; DynamoDB allows at most 409,600 (400 KB).',
      },
    ]);
  });

  it('rejects empty sets', () => {
    const issues = issuesOf({ tags: { SS: [] }, n: { NS: [] }, b: { BS: [] } });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['tags', 'set-empty'],
      ['n', 'set-empty'],
      ['b', 'set-empty'],
    ]);
    expect(issues[0]?.message).toMatch(/^tags is an empty string set/);
  });

  it('rejects duplicate set members: numbers by value, binary by bytes', () => {
    expect(issuesOf({ t: { SS: ['a', 'b', 'a'] } })[0]?.message).toBe(
      't (string set) holds "a" twice; set members must differ.',
    );
    expect(issuesOf({ t: { SS: ['a', 'A'] } })).toEqual([]);
    const ns = issuesOf({ n: { NS: ['1', '2', '1.0'] } });
    expect(ns.map((i) => i.code)).toEqual(['set-duplicate']);
    expect(ns[0]?.message).toMatch(/"1" and "1.0"/);
    expect(issuesOf({ n: { NS: ['10', '1e1'] } }).map((i) => i.code)).toEqual(['set-duplicate']);
    // "AQ" and "AQ==" are the same byte.
    expect(issuesOf({ b: { BS: ['AQ==', 'AQ'] } }).map((i) => i.code)).toEqual(['set-duplicate']);
    expect(issuesOf({ b: { BS: ['AQ==', 'AQI='] } })).toEqual([]);
  });

  it('checks numbers wherever they are, with the path', () => {
    const issues = issuesOf({
      price: { N: '1'.repeat(39) },
      history: { L: [{ N: '1' }, { N: '2' }, { M: { amount: { N: '1e200' } } }] },
      ns: { NS: ['1', 'x'] },
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['price', 'number-precision'],
      ['history[2].amount', 'number-range'],
      ['ns[1]', 'number-invalid'],
    ]);
    expect(issues[1]?.message).toBe(
      'history[2].amount ("1e200") is too large: the largest magnitude is 9.99…E+125.',
    );
    expect(issues[2]?.message).toBe('ns[1] ("x") is not a number DynamoDB reads.');
  });

  it('checks base64 in B and BS', () => {
    const issues = issuesOf({ b: { B: 'not base64!' }, bs: { BS: ['AQ==', '@@'] } });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['b', 'binary-invalid'],
      ['bs[1]', 'binary-invalid'],
    ]);
  });

  it('allows 32 levels of nesting and rejects 33', () => {
    expect(issuesOf({ deep: nested(32) })).toEqual([]);
    const issues = issuesOf({ deep: nested(33) });
    expect(issues.map((i) => i.code)).toEqual(['too-deep']);
    expect(issues[0]?.path).toMatch(/^deep(\.n|\[0\])+$/);
  });

  it('reports values that are not AttributeValues instead of throwing', () => {
    const bad = { ...base, x: { Q: 1 }, y: { S: 1 }, z: { S: 'a', N: '1' }, w: { NULL: false } };
    const issues = validateItem(bad as unknown as Item, schema);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['x', 'bad-value'],
      ['y', 'bad-value'],
      ['z', 'bad-value'],
      ['w', 'bad-value'],
    ]);
    expect(issues[0]?.message).toMatch(/^x has unknown type "Q"/);
  });

  it('quotes odd attribute names in paths', () => {
    const issues = issuesOf({ 'a.b': { M: { 'x y': { SS: [] } } } });
    expect(issues[0]?.path).toBe('["a.b"]["x y"]');
  });
});

describe('validateItem with secondary indexes', () => {
  const table: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
  const indexes = [
    {
      name: 'byStatus',
      key: {
        partitionKey: { name: 'status', type: 'S' as const },
        sortKey: { name: 'at', type: 'N' as const },
      },
    },
  ];
  const check = (extra: Item) =>
    validateItem({ id: { S: 'a' }, ...extra }, table, undefined, indexes);

  it('leaves items without the index attributes alone (a sparse index)', () => {
    expect(check({})).toEqual([]);
    expect(check({ status: { S: 'open' }, at: { N: '1' } })).toEqual([]);
  });

  it('reports a wrong type, an empty value and an oversized value of an index key', () => {
    expect(check({ status: { N: '1' } })).toEqual([
      {
        path: 'status',
        code: 'index-key-type',
        message:
          'status (the partition key of index byStatus) must be a string (S); it is a number (N).',
      },
    ]);
    expect(check({ status: { S: '' } }).map((i) => i.code)).toEqual(['index-key-empty']);
    expect(check({ status: { S: 'x'.repeat(2049) } }).map((i) => i.code)).toEqual([
      'index-key-too-long',
    ]);
    expect(check({ status: { S: 'x'.repeat(2048) } })).toEqual([]);
    expect(check({ at: { S: 'late' } }).map((i) => i.code)).toEqual(['index-key-type']);
  });

  it('without index descriptions, index attributes are ordinary attributes', () => {
    expect(validateItem({ id: { S: 'a' }, status: { N: '1' } }, table)).toEqual([]);
  });
});
