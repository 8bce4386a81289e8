import { describe, expect, it } from 'vitest';
import type { Item } from '../dynamo/types';
import type { StagedChange, UpdateChange } from './types';
import { fromDelta, toDelta } from './wire';

const original: Item = JSON.parse(
  '{"id":{"S":"k1"},"status":{"S":"open"},"__proto__":{"N":"1"},"m":{"M":{"a":{"S":"x"}}},"gone":{"BOOL":true}}',
);
const update = (item: Item, extra: Partial<UpdateChange> = {}): UpdateChange => ({
  kind: 'update',
  connectionId: 'c',
  table: 'T',
  key: { id: { S: 'k1' } },
  original,
  item,
  ...extra,
});
const roundTrip = (c: StagedChange) => {
  const d = toDelta(c);
  return d && JSON.parse(JSON.stringify(fromDelta(JSON.parse(JSON.stringify(d)))));
};

describe('update deltas on the wire', () => {
  it('sends a bulk set as the original plus the one attribute set, and rebuilds the same change', () => {
    const item: Item = { ...original, status: { S: 'bulk' } };
    Object.defineProperty(item, '__proto__', { value: original['__proto__'], enumerable: true });
    const c = update(item, { error: 'last commit failed' });
    const d = toDelta(c);
    expect(d?.set).toEqual({ status: { S: 'bulk' } });
    expect(d?.remove).toEqual([]);
    expect(JSON.stringify(d).length).toBeLessThan(JSON.stringify(c).length * 0.75);
    expect(roundTrip(c)).toEqual(JSON.parse(JSON.stringify(c)));
    expect(Object.keys(roundTrip(c).item)).toEqual(['id', 'status', '__proto__', 'm', 'gone']);
  });

  it('keeps removed and added attributes in order (a rename)', () => {
    const item: Item = {};
    for (const [k, v] of Object.entries(original)) if (k !== 'gone') Object.defineProperty(item, k, { value: v, enumerable: true, writable: true, configurable: true });
    item.renamed = { BOOL: true };
    const c = update(item);
    expect(toDelta(c)?.remove).toEqual(['gone']);
    expect(roundTrip(c)).toEqual(JSON.parse(JSON.stringify(c)));
    expect(Object.keys(roundTrip(c).item)).toEqual(['id', 'status', '__proto__', 'm', 'renamed']);
  });

  it('sends whole what a delta would reorder, and puts and deletes as they are', () => {
    const reordered = update({ status: original.status!, id: original.id! });
    expect(toDelta(reordered)).toBeNull();
    expect(toDelta({ kind: 'put', connectionId: 'c', table: 'T', key: {}, item: {} })).toBeNull();
    expect(toDelta({ kind: 'delete', connectionId: 'c', table: 'T', key: {}, original })).toBeNull();
  });
});
