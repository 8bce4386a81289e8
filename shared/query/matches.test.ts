import { describe, expect, test } from 'vitest';
import type { QueryModel } from '../contract/items';
import type { KeySchema } from '../dynamo/types';
import { itemMatchesModel } from './matches';

const byStatus: KeySchema = {
  partitionKey: { name: 'status', type: 'S' },
  sortKey: { name: 'createdAt', type: 'N' },
};
const table: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
const resolved: QueryModel = {
  table: 'SupportTickets',
  index: 'byStatus',
  mode: 'query',
  partitionValue: { S: 'resolved' },
};
const ticket = (status: string, createdAt = '1700000000000') => ({
  ticketId: { S: 'T-1' },
  status: { S: status },
  createdAt: { N: createdAt },
  tags: { SS: ['a', 'b'] },
});

describe('itemMatchesModel', () => {
  test('a query on an index matches its partition value only', () => {
    expect(itemMatchesModel(ticket('resolved'), resolved, byStatus)).toBe(true);
    expect(itemMatchesModel(ticket('open'), resolved, byStatus)).toBe(false);
  });

  test('an item without the index key is not in the index', () => {
    const { createdAt: _, ...noSort } = ticket('resolved');
    expect(itemMatchesModel(noSort, resolved, byStatus)).toBe(false);
  });

  test('sort key conditions compare numbers by value', () => {
    const model = {
      ...resolved,
      sortCondition: { op: 'between' as const, values: [{ N: '9' }, { N: '100' }] },
    };
    expect(itemMatchesModel(ticket('resolved', '10'), model, byStatus)).toBe(true);
    expect(itemMatchesModel(ticket('resolved', '1000'), model, byStatus)).toBe(false);
  });

  test('filters join with AND or OR; contains looks into sets', () => {
    const scan: QueryModel = {
      table: 'SupportTickets',
      filters: {
        join: 'AND',
        conditions: [
          { path: 'tags', op: 'contains', values: [{ S: 'b' }] },
          { path: 'status', op: 'begins_with', values: [{ S: 'res' }] },
        ],
      },
    };
    expect(itemMatchesModel(ticket('resolved'), scan, table)).toBe(true);
    expect(itemMatchesModel(ticket('open'), scan, table)).toBe(false);
    const either = { ...scan, filters: { ...scan.filters!, join: 'OR' as const } };
    expect(itemMatchesModel(ticket('open'), either, table)).toBe(true);
  });

  test('a plain scan matches everything; a missing attribute fails a comparison', () => {
    expect(itemMatchesModel(ticket('open'), { table: 'SupportTickets' }, table)).toBe(true);
    const model: QueryModel = {
      table: 'SupportTickets',
      filters: { join: 'AND', conditions: [{ path: 'priority', op: '<>', values: [{ S: 'x' }] }] },
    };
    expect(itemMatchesModel(ticket('open'), model, table)).toBe(false);
  });
});
