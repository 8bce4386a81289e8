import { describe, expect, it, test } from 'vitest';
import { compareNumbers, normalizeNumber, plainSignificantDigits, withoutLeadingPlus } from './number';

describe('plainSignificantDigits', () => {
  it('counts significant digits of plain decimals, and refuses other spellings', () => {
    expect(plainSignificantDigits('-12.50')).toBe(3);
    expect(plainSignificantDigits('0.000')).toBe(0);
    expect(plainSignificantDigits('1000')).toBe(1);
    expect(plainSignificantDigits('100.001')).toBe(6);
    expect(plainSignificantDigits('12345678901234567890123456789012345678')).toBe(38);
    for (const n of ['1e5', ' 1', '1.2.3', '', '-', '.', '+1']) {
      expect(plainSignificantDigits(n)).toBe(-1);
    }
    expect(plainSignificantDigits('+1.50', true)).toBe(2);
  });
});

describe('normalizeNumber and compareNumbers', () => {
  it('spell equal numbers alike and order them as numbers', () => {
    expect(normalizeNumber('1.0')).toBe(normalizeNumber('1'));
    expect(normalizeNumber('abc')).toBeNull();
    expect(compareNumbers('9', '10')).toBeLessThan(0);
    expect(compareNumbers('-1', '-2')).toBeGreaterThan(0);
    expect(compareNumbers('1e2', '100')).toBe(0);
  });
});

test('withoutLeadingPlus drops one leading + and keeps every other character', () => {
  expect(withoutLeadingPlus('+5')).toBe('5');
  expect(withoutLeadingPlus('+0012.50E+3')).toBe('0012.50E+3');
  expect(withoutLeadingPlus('-5')).toBe('-5');
  expect(withoutLeadingPlus('5e+3')).toBe('5e+3');
});
