import { describe, expect, it } from 'vitest';
import { canonicalKey, isCanonicalKeyAt, normalizedKeyValue } from './key';
import { normalizeNumber } from './number';
import type { AttributeValue, Item, KeySchema } from './types';

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};

describe('canonicalKey', () => {
  it('is the JSON array of typed, normalised key parts', () => {
    expect(canonicalKey({ pk: { S: 'a"b\\c\n' }, sk: { N: '1.50' } }, schema)).toBe(
      JSON.stringify(['S:a"b\\c\n', 'N:1.5']),
    );
    expect(canonicalKey({ pk: { S: 'user#1' }, sk: { N: '-42' } }, schema)).toBe(
      '["S:user#1","N:-42"]',
    );
    expect(canonicalKey({ pk: { S: '\ud800' } }, { partitionKey: { name: 'pk', type: 'S' } })).toBe(
      JSON.stringify(['S:\ud800']),
    );
  });

  it('equals the JSON array of keyPart strings for every kind of key value', () => {
    const values = [
      { S: 'plain' },
      { S: '' },
      { S: 'quote " back \\ ctl \u0001 é 😀 \udc00' },
      { N: '0' },
      { N: '-0' },
      { N: '42' },
      { N: '-42' },
      { N: '007' },
      { N: '1.50' },
      { N: '1e3' },
      { N: ' 1' },
      { N: 'x"y' },
      { N: '1' + '0'.repeat(45) },
      { B: 'AQ' },
      { B: 'AQ==' },
      { B: 'not base64"' },
      { BOOL: true },
      { SS: ['a'] },
      { S: 'two "tags', N: '5' },
      { N: 5 }, // malformed values (unchecked JSON) too
      { S: 7 },
    ] as unknown as AttributeValue[];
    // keyPart, as canonicalKey used to apply it to every value.
    const part = (v: AttributeValue | undefined) => {
      if (v === undefined) return '?';
      if ('S' in v) return 'S:' + v.S;
      if ('N' in v) return 'N:' + normalizedKeyValue(v);
      if ('B' in v) return 'B:' + normalizedKeyValue(v);
      return 'X:' + JSON.stringify(v);
    };
    for (const a of [...values, undefined]) {
      for (const b of [...values, undefined]) {
        const item: Item = {};
        if (a) item.pk = a;
        if (b) item.sk = b;
        const key = canonicalKey(item, schema);
        expect(key).toBe(JSON.stringify([part(a), part(b)]));
        // isCanonicalKeyAt recognises exactly that text after any prefix.
        expect(isCanonicalKeyAt('c\u0000T\u0000' + key, 4, item, schema)).toBe(true);
        expect(isCanonicalKeyAt(key, 0, item, schema)).toBe(true);
        expect(isCanonicalKeyAt(key + ' ', 0, item, schema)).toBe(false);
        expect(isCanonicalKeyAt(key.slice(0, -1), 0, item, schema)).toBe(false);
        expect(isCanonicalKeyAt('x' + key, 0, item, schema)).toBe(false);
        const other = canonicalKey({ ...item, sk: { N: '77' } }, schema);
        if (other !== key) expect(isCanonicalKeyAt(other, 0, item, schema)).toBe(false);
        const onlyPk: KeySchema = { partitionKey: { name: 'pk', type: 'S' } };
        expect(isCanonicalKeyAt(canonicalKey(item, onlyPk), 0, item, onlyPk)).toBe(true);
        expect(isCanonicalKeyAt(key, 0, item, onlyPk)).toBe(false);
      }
    }
  });

  it('gives equal keys for equal numbers and equal bytes', () => {
    const k = (item: Item) => canonicalKey(item, schema);
    expect(k({ pk: { S: 'a' }, sk: { N: '10' } })).toBe(k({ pk: { S: 'a' }, sk: { N: '1e1' } }));
    expect(k({ pk: { S: 'a' }, sk: { N: '0' } })).toBe(k({ pk: { S: 'a' }, sk: { N: '-0.0' } }));
    const bin: KeySchema = { partitionKey: { name: 'id', type: 'B' } };
    expect(canonicalKey({ id: { B: 'AQ' } }, bin)).toBe(canonicalKey({ id: { B: 'AQ==' } }, bin));
  });
});

describe('normalizedKeyValue', () => {
  it('agrees with normalizeNumber on the integer fast path', () => {
    const samples = [
      '0',
      '7',
      '-7',
      '100',
      '1' + '0'.repeat(39),
      '9'.repeat(40),
      '-' + '9'.repeat(40),
    ];
    for (const n of samples) expect(normalizedKeyValue({ N: n }), n).toBe(normalizeNumber(n));
    expect(normalizedKeyValue({ N: '007' })).toBe('7');
    expect(normalizedKeyValue({ N: '1' + '0'.repeat(45) })).toBe(
      normalizeNumber('1' + '0'.repeat(45)),
    );
    expect(normalizedKeyValue(undefined)).toBe('');
  });
});
