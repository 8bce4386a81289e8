import { describe, expect, it } from 'vitest';
import { compareStrings, compareValues, formatValue } from './format';
import type { AttributeValue } from './types';

describe('formatValue', () => {
  it('shows scalars as stored', () => {
    expect(formatValue({ S: 'hello world' })).toBe('hello world');
    expect(formatValue({ N: '12345678901234567890123456789012345678' })).toBe(
      '12345678901234567890123456789012345678',
    );
    expect(formatValue({ N: '1.50' })).toBe('1.50');
    expect(formatValue({ BOOL: true })).toBe('true');
    expect(formatValue({ BOOL: false })).toBe('false');
    expect(formatValue({ NULL: true })).toBe('null');
  });

  it('shows binary as base64 with its byte size, shortening long data', () => {
    expect(formatValue({ B: 'aGVsbG8gd29ybGQh' })).toBe('aGVsbG8gd29ybGQh (12 B)');
    const long = 'A'.repeat(4000);
    expect(formatValue({ B: long })).toBe(`${'A'.repeat(32)}… (3,000 B)`);
  });

  it('shows sets as {a, b}, eliding very large ones', () => {
    expect(formatValue({ SS: ['a', 'b'] })).toBe('{a, b}');
    expect(formatValue({ NS: ['1', '2.5'] })).toBe('{1, 2.5}');
    expect(formatValue({ BS: ['AQ==', 'Ag=='] })).toBe('{AQ==, Ag==}');
    const many = Array.from({ length: 25 }, (_, i) => String(i));
    expect(formatValue({ NS: many })).toBe(`{${many.slice(0, 20).join(', ')}, … +5}`);
  });

  it('summarises maps and lists', () => {
    expect(formatValue({ M: { a: { S: 'x' }, b: { S: 'y' }, c: { S: 'z' } } })).toBe('{3 keys}');
    expect(formatValue({ M: { a: { S: 'x' } } })).toBe('{1 key}');
    expect(formatValue({ L: Array.from({ length: 5 }, () => ({ NULL: true as const })) })).toBe(
      '[5 items]',
    );
    expect(formatValue({ L: [{ N: '1' }] })).toBe('[1 item]');
    expect(formatValue({ L: [] })).toBe('[0 items]');
  });
});

describe('compareValues', () => {
  const sort = (values: (AttributeValue | undefined)[], desc = false) =>
    [...values].sort((a, b) => compareValues(a, b, desc));

  it('sorts numbers numerically, never as text or doubles', () => {
    const ns = [
      '10',
      '9',
      '-2',
      '1e2',
      '0.5',
      '12345678901234567890123456789012345679',
      '12345678901234567890123456789012345678',
    ];
    expect(sort(ns.map((N) => ({ N }))).map((v) => v && 'N' in v && v.N)).toEqual([
      '-2',
      '0.5',
      '9',
      '10',
      '1e2',
      '12345678901234567890123456789012345678',
      '12345678901234567890123456789012345679',
    ]);
  });

  it('sorts strings by code point and binary by unsigned bytes', () => {
    expect(sort([{ S: 'b' }, { S: 'B' }, { S: 'a' }, { S: 'ab' }])).toEqual([
      { S: 'B' },
      { S: 'a' },
      { S: 'ab' },
      { S: 'b' },
    ]);
    // U+1F600 (surrogates in UTF-16) sorts after U+FF5E in UTF-8, unlike plain string comparison.
    expect(compareStrings('\u{1F600}', '\uFF5E')).toBe(1);
    expect('\u{1F600}' < '\uFF5E').toBe(true);
    // 0xFF ("/w==") is above 0x01 ("AQ=="), although "/" < "A" as text.
    expect(compareValues({ B: '/w==' }, { B: 'AQ==' })).toBe(1);
  });

  it('orders different types by a fixed order and missing values last', () => {
    const mixed: (AttributeValue | undefined)[] = [
      undefined,
      { BOOL: true },
      { N: '1' },
      { S: 'z' },
      { NULL: true },
      { BOOL: false },
    ];
    expect(sort(mixed)).toEqual([
      { S: 'z' },
      { N: '1' },
      { BOOL: false },
      { BOOL: true },
      { NULL: true },
      undefined,
    ]);
  });

  it('keeps missing values last when descending', () => {
    expect(sort([undefined, { N: '1' }, { N: '3' }, undefined, { N: '2' }], true)).toEqual([
      { N: '3' },
      { N: '2' },
      { N: '1' },
      undefined,
      undefined,
    ]);
  });

  it('orders containers and sets by size', () => {
    expect(compareValues({ L: [{ N: '1' }] }, { L: [] })).toBe(1);
    expect(compareValues({ SS: ['a'] }, { SS: ['a', 'b'] })).toBe(-1);
    expect(compareValues({ NULL: true }, { NULL: true })).toBe(0);
  });
});
