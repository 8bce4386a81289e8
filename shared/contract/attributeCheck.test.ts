import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../server/dispatch';
import { stagingChannels } from './staging';
import { attributeValueSchema, itemSchema } from './values';

const problem = (v: unknown) => {
  const r = itemSchema.safeParse(v);
  return r.success ? 'ok' : describeIssues(r.error);
};

describe('the contract item schema', () => {
  it('accepts every AttributeValue type, nested, and passes a valid item through as it came', () => {
    const item = JSON.parse(
      '{"__proto__":{"S":"x"},"n":{"N":"1.50"},"b":{"B":"AAE="},"t":{"BOOL":false},"z":{"NULL":true},' +
        '"m":{"M":{"__proto__":{"L":[{"SS":["a"]},{"NS":["1"]},{"BS":[]},{"M":{}}]}}}}',
    );
    const r = itemSchema.safeParse(item);
    expect(r.success).toBe(true);
    // No copy: a 10,000-item save no longer rebuilds every image.
    expect(r.data).toBe(item);
    expect(Object.keys(r.data as object)).toEqual(['__proto__', 'n', 'b', 't', 'z', 'm']);
  });

  it('says which attribute, how deep, and what is wrong', () => {
    expect(problem({ a: { S: 1 } })).toBe('a.S: S must be a string');
    expect(problem({ a: { M: { b: { L: [{ N: 2 }] } } } })).toBe('a.M.b.L.0.N: N must be a string');
    expect(problem({ a: { SS: ['x', 1] } })).toBe('a.SS.1: SS members must be strings');
    expect(problem({ a: { NULL: false } })).toBe('a.NULL: NULL must be true');
    expect(problem({ a: { S: 'x', N: '1' } })).toMatch(/^a: an AttributeValue has exactly one type key .*found S, N$/);
    expect(problem({ a: { X: 'y' } })).toMatch(/^a: unknown AttributeValue type "X"/);
    expect(problem({ a: 5 })).toMatch(/^a: expected an AttributeValue/);
    expect(problem({ a: {} })).toMatch(/found none$/);
    expect(problem([1])).toBe('(input): expected an object of attributes');
    expect(problem(null)).toBe('(input): expected an object of attributes');
  });

  it('checks single values (query parameters) the same way', () => {
    expect(attributeValueSchema.safeParse({ N: '3' }).success).toBe(true);
    expect(attributeValueSchema.safeParse({ N: 3 }).success).toBe(false);
  });

  it('refuses a bad value deep in a staging:apply entry with its path', () => {
    const r = stagingChannels['staging:apply'].input.safeParse({
      entries: [
        {
          id: 'k',
          connectionId: 'c',
          table: 'T',
          change: { kind: 'update', connectionId: 'c', table: 'T', key: { id: { S: 'k' } }, original: {}, item: { v: { BOOL: 'yes' } } },
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(describeIssues(r.error!)).toBe('entries.0.change.item.v.BOOL: BOOL must be true or false');
  });
});
