import { describe, expect, it } from 'vitest';
import { canonicalKey, normalizedKeyValue } from './key';
import { normalizeNumber } from './number';
import type { Item, KeySchema } from './types';

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
