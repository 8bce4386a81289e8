import { describe, expect, it } from 'vitest';
import { itemsEqual, valuesEqual } from './equal';
import type { AttributeValue } from './types';

describe('valuesEqual / itemsEqual', () => {
  it('compares scalars by type and stored text', () => {
    expect(valuesEqual({ S: 'a' }, { S: 'a' })).toBe(true);
    expect(valuesEqual({ S: '1' }, { N: '1' })).toBe(false);
    expect(valuesEqual({ N: '1' }, { N: '1.0' })).toBe(false); // as stored, not by value
    expect(valuesEqual({ B: 'AQ==' }, { B: 'AQ==' })).toBe(true);
    expect(valuesEqual({ BOOL: true }, { BOOL: false })).toBe(false);
    expect(valuesEqual({ NULL: true }, { NULL: true })).toBe(true);
  });

  it('compares sets regardless of member order, but lists in order', () => {
    expect(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] })).toBe(true);
    expect(valuesEqual({ NS: ['1', '2'] }, { NS: ['1', '3'] })).toBe(false);
    expect(valuesEqual({ BS: ['AQ=='] }, { BS: ['AQ==', 'Ag=='] })).toBe(false);
    expect(valuesEqual({ L: [{ S: 'a' }, { S: 'b' }] }, { L: [{ S: 'b' }, { S: 'a' }] })).toBe(
      false,
    );
  });

  it('compares maps and items deeply, regardless of key order', () => {
    const m = (x: string): AttributeValue => ({ M: { a: { L: [{ N: x }] }, b: { S: 'y' } } });
    expect(valuesEqual(m('1'), { M: { b: { S: 'y' }, a: { L: [{ N: '1' }] } } })).toBe(true);
    expect(valuesEqual(m('1'), m('2'))).toBe(false);
    expect(itemsEqual({ a: { S: 'x' } }, { a: { S: 'x' }, b: { S: 'y' } })).toBe(false);
    expect(itemsEqual({ a: { S: 'x' }, b: { S: 'y' } }, { a: { S: 'x' } })).toBe(false);
    expect(itemsEqual({}, {})).toBe(true);
  });
});
