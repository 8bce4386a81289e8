import { describe, expect, it } from 'vitest';
import { sameChange } from './sameChange';
import type { StagedChange } from './types';

const base = { connectionId: 'c', table: 'T', key: { id: { S: 'a' } } };
const update = (n: string, error?: string): StagedChange => ({
  ...base,
  kind: 'update',
  original: { id: { S: 'a' }, n: { N: '1' } },
  item: { id: { S: 'a' }, n: { N: n }, s: { SS: ['x', 'y'] } },
  ...(error ? { error } : {}),
});

describe('sameChange', () => {
  it('ignores attribute order, set member order and the commit error', () => {
    const reordered: StagedChange = {
      ...base,
      kind: 'update',
      original: { n: { N: '1' }, id: { S: 'a' } },
      item: { s: { SS: ['y', 'x'] }, n: { N: '2' }, id: { S: 'a' } },
    };
    expect(sameChange(update('2', 'denied'), reordered)).toBe(true);
  });

  it('tells apart another value, number text, kind, table or original', () => {
    expect(sameChange(update('2'), update('3'))).toBe(false);
    expect(sameChange(update('2'), update('2.0'))).toBe(false);
    const put: StagedChange = {
      ...base,
      kind: 'put',
      item: (update('2') as { item: StagedChange['key'] }).item,
    };
    expect(sameChange(update('2'), put)).toBe(false);
    expect(sameChange(update('2'), { ...update('2'), table: 'U' })).toBe(false);
    expect(
      sameChange(update('2'), { ...update('2'), original: { id: { S: 'a' } } } as StagedChange),
    ).toBe(false);
    const del: StagedChange = { ...base, kind: 'delete', original: { id: { S: 'a' } } };
    expect(sameChange(del, { ...del })).toBe(true);
    expect(sameChange(del, { ...del, after: 'put id' })).toBe(false);
    expect(sameChange(del, { ...del, original: { id: { S: 'a' }, x: { BOOL: true } } })).toBe(
      false,
    );
  });
});
