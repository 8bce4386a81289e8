import { expect, test } from 'vitest';
import { batchStatements } from './batches';

test('60 statements go in calls of 25, 25 and 10, in order', () => {
  const s = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, itemRef: `T/${i}` }));
  const calls = batchStatements(s);
  expect(calls.map((c) => c.length)).toEqual([25, 25, 10]);
  expect(calls.flat()).toEqual(s);
});

test('a second statement on the same item waits for the next call', () => {
  const s = [
    { id: 'a', itemRef: 'T/1' },
    { id: 'b', itemRef: 'T/2' },
    { id: 'c', itemRef: 'T/1' },
    { id: 'd' },
    { id: 'e' },
  ];
  expect(batchStatements(s).map((c) => c.map((x) => x.id))).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  expect(batchStatements([])).toEqual([]);
});
