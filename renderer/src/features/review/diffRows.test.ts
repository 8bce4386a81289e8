import { expect, test } from 'vitest';
import { diffItem } from '../../../../shared/changes/diff';
import type { StagedChange } from '../../../../shared/changes/types';
import type { Item } from '../../../../shared/dynamo/types';
import { estimateDiffRows } from './diffRows';

const base = { connectionId: 'c', table: 't', key: { id: { S: '1' } } };
const original: Item = { id: { S: '1' }, a: { S: 'x' }, b: { N: '1' }, c: { BOOL: true } };

test('an update made here (unchanged values shared with the original) counts exactly what the diff shows', () => {
  const item: Item = { ...original, a: { S: 'y' }, d: { NULL: true } };
  delete item.c;
  const change: StagedChange = { kind: 'update', ...base, original, item };
  expect(estimateDiffRows(change, 8)).toBe(diffItem(original, item).length);
  expect(estimateDiffRows(change, 2)).toBe(2);
});

test('an update read back from disk (no shared values) is estimated high, never low', () => {
  const item: Item = JSON.parse(JSON.stringify({ ...original, a: { S: 'y' } }));
  const change: StagedChange = { kind: 'update', ...base, original, item };
  expect(estimateDiffRows(change, 8)).toBeGreaterThanOrEqual(diffItem(original, item).length);
});

test('puts and deletes count their attributes, capped; an attribute named __proto__ counts', () => {
  const item: Item = JSON.parse('{"id":{"S":"1"},"__proto__":{"S":"p"},"z":{"N":"2"}}');
  expect(estimateDiffRows({ kind: 'put', ...base, item }, 8)).toBe(3);
  expect(estimateDiffRows({ kind: 'delete', ...base, original }, 3)).toBe(3);
  expect(estimateDiffRows({ kind: 'update', ...base, original, item: original }, 8)).toBe(1);
});

test('with a memo, each change is counted once', () => {
  const memo = new WeakMap<StagedChange, number>();
  const item: Item = { ...original, a: { S: 'y' } };
  const change: StagedChange = { kind: 'update', ...base, original, item };
  expect(estimateDiffRows(change, 8, memo)).toBe(1);
  item.b = { N: '9' }; // not looked at again
  expect(estimateDiffRows(change, 8, memo)).toBe(1);
  expect(estimateDiffRows(change, 8)).toBe(2);
});
