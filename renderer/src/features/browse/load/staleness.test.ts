import { describe, expect, test } from 'vitest';
import { rowsAreStale } from './staleness';

describe('rowsAreStale', () => {
  const scan = { table: 'T', mode: 'scan' as const, pageSize: 100 };

  test('the same query, another page size or segment count: not stale', () => {
    expect(rowsAreStale(scan, { ...scan })).toBe(false);
    expect(rowsAreStale(scan, { ...scan, pageSize: 25, segments: 4 })).toBe(false);
  });

  test('a filter, an index, a key condition or a projection added: stale', () => {
    const filters = {
      join: 'AND' as const,
      conditions: [{ path: 'status', op: '=' as const, values: [{ S: 'open' }] }],
    };
    expect(rowsAreStale(scan, { ...scan, filters })).toBe(true);
    expect(rowsAreStale(scan, { ...scan, index: 'byStatus' })).toBe(true);
    expect(rowsAreStale(scan, { ...scan, mode: 'query', partitionValue: { S: 'a' } })).toBe(true);
    expect(rowsAreStale(scan, { ...scan, projection: ['id'] })).toBe(true);
  });

  test('the same filter written with its keys in another order: not stale', () => {
    const a = {
      ...scan,
      filters: {
        join: 'AND' as const,
        conditions: [{ path: 'n', op: '>' as const, values: [{ N: '1' }] }],
      },
    };
    const b = {
      pageSize: 10,
      filters: {
        conditions: [{ values: [{ N: '1' }], op: '>' as const, path: 'n' }],
        join: 'AND' as const,
      },
      mode: 'scan' as const,
      table: 'T',
    };
    expect(rowsAreStale(a, b)).toBe(false);
    expect(rowsAreStale(a, { ...b, filters: { ...b.filters, join: 'OR' as const } })).toBe(true);
  });

  test('nothing loaded yet (or rows read by key): not stale', () => {
    expect(rowsAreStale(undefined, scan)).toBe(false);
  });
});
