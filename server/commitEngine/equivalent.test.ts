import { expect, test } from 'vitest';
import { itemsEquivalent, valuesEquivalent } from './equivalent';

test('numbers by value, binary by bytes, sets unordered, lists ordered, maps by name', () => {
  expect(valuesEquivalent({ N: '1.50' }, { N: '15e-1' })).toBe(true);
  expect(
    valuesEquivalent(
      { N: '12345678901234567890123456789012345678' },
      { N: '12345678901234567890123456789012345679' },
    ),
  ).toBe(false);
  expect(valuesEquivalent({ B: 'AAE=' }, { B: 'AAE' })).toBe(true);
  expect(valuesEquivalent({ NS: ['1', '2.0'] }, { NS: ['2', '1.0'] })).toBe(true);
  expect(valuesEquivalent({ SS: ['a', 'b'] }, { SS: ['b', 'c'] })).toBe(false);
  expect(valuesEquivalent({ L: [{ S: 'a' }, { S: 'b' }] }, { L: [{ S: 'b' }, { S: 'a' }] })).toBe(
    false,
  );
  expect(valuesEquivalent({ S: '1' }, { N: '1' })).toBe(false);
  expect(valuesEquivalent({ SS: ['a'] }, { L: [{ S: 'a' }] })).toBe(false);
  expect(itemsEquivalent({ a: { M: { x: { N: '1' } } } }, { a: { M: { x: { N: '1.0' } } } })).toBe(
    true,
  );
  expect(itemsEquivalent({ a: { NULL: true } }, { a: { NULL: true }, b: { BOOL: false } })).toBe(
    false,
  );
  expect(
    itemsEquivalent({ a: { NULL: true }, c: { S: '' } }, { a: { NULL: true }, b: { S: '' } }),
  ).toBe(false);
});
