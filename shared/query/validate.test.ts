import { describe, expect, test } from 'vitest';
import type { QueryModel } from '../contract/items';
import type { KeySchema } from '../dynamo/types';
import { validateModel } from './validate';

const tickets: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
const byStatus: KeySchema = {
  partitionKey: { name: 'status', type: 'S' },
  sortKey: { name: 'createdAt', type: 'N' },
};
const fields = (model: QueryModel, key: KeySchema, isIndex: boolean | 'GSI' | 'LSI' = false) =>
  validateModel(model, key, isIndex).map((e) => e.field);

describe('validateModel', () => {
  test('a valid query and a valid scan have no errors', () => {
    const query: QueryModel = {
      table: 'SupportTickets',
      index: 'byStatus',
      partitionValue: { S: 'open' },
      sortCondition: { op: 'between', values: [{ N: '1' }, { N: '1e3' }] },
      filters: {
        join: 'AND',
        conditions: [{ path: 'data.name', op: 'attribute_exists', values: [] }],
      },
      projection: ['a', 'b.c'],
    };
    expect(validateModel(query, byStatus, true)).toEqual([]);
    expect(validateModel({ table: 'SupportTickets', segments: 4 }, tickets, false)).toEqual([]);
  });

  test('a sort condition without a partition key value', () => {
    const errors = validateModel(
      { table: 'SupportTickets', sortCondition: { op: '>', values: [{ N: '5' }] } },
      byStatus,
      true,
    );
    expect(errors).toEqual([
      {
        field: 'partitionValue',
        message: 'Enter a value for status: a sort key condition needs the partition key',
      },
    ]);
  });

  test('key values: type, emptiness, number syntax, 38 digits and range', () => {
    const key: KeySchema = {
      partitionKey: { name: 'id', type: 'N' },
      sortKey: { name: 'sk', type: 'S' },
    };
    expect(validateModel({ table: 'T11', partitionValue: { S: '1' } }, key, false)).toEqual([
      { field: 'partitionValue', message: 'id is of type N, not S' },
    ]);
    expect(fields({ table: 'T11', partitionValue: { N: '1'.repeat(39) } }, key)).toEqual([
      'partitionValue',
    ]);
    expect(fields({ table: 'T11', partitionValue: { N: '1E+126' } }, key)).toEqual([
      'partitionValue',
    ]);
    expect(fields({ table: 'T11', partitionValue: { N: '1E-131' } }, key)).toEqual([
      'partitionValue',
    ]);
    expect(fields({ table: 'T11', partitionValue: { N: '12abc' } }, key)).toEqual([
      'partitionValue',
    ]);
    expect(fields({ table: 'T11', partitionValue: { N: '1'.repeat(38) } }, key)).toEqual([]);
    expect(
      fields(
        { table: 'T11', partitionValue: { N: '9.9999999999999999999999999999999999999E+125' } },
        key,
      ),
    ).toEqual([]);
    expect(fields({ table: 'T11', partitionValue: { N: '1E-130' } }, key)).toEqual([]);
    expect(
      fields(
        {
          table: 'T11',
          partitionValue: { N: '1' },
          sortCondition: { op: '=', values: [{ S: '' }] },
        },
        key,
      ),
    ).toEqual(['sortCondition.values.0']);
  });

  test('BETWEEN needs two values, in order; begins_with needs an S or B sort key', () => {
    const base = { table: 'T11', partitionValue: { S: 'open' } };
    expect(
      validateModel(
        { ...base, sortCondition: { op: 'between', values: [{ N: '1' }] } },
        byStatus,
        false,
      ),
    ).toEqual([{ field: 'sortCondition.values', message: 'BETWEEN takes two values, got 1' }]);
    expect(
      fields(
        { ...base, sortCondition: { op: 'between', values: [{ N: '10' }, { N: '9.5' }] } },
        byStatus,
      ),
    ).toEqual(['sortCondition.values.1']);
    expect(
      fields({ ...base, sortCondition: { op: 'begins_with', values: [{ N: '1' }] } }, byStatus),
    ).toEqual(['sortCondition.op']);
    expect(fields({ ...base, sortCondition: { op: '=', values: [{ S: 'x' }] } }, tickets)).toEqual([
      'sortCondition',
    ]);
  });

  test('filters: counts, malformed numbers, types, attribute_type, key attributes in a query', () => {
    const model: QueryModel = {
      table: 'SupportTickets',
      index: 'byStatus',
      partitionValue: { S: 'open' },
      filters: {
        join: 'OR',
        conditions: [
          { path: 'size', op: 'between', values: [{ N: '1' }] },
          { path: 'size', op: '=', values: [{ N: '1.2.3' }] },
          { path: 'flag', op: '<', values: [{ BOOL: true }] },
          { path: 'name', op: 'attribute_type', values: [] },
          { path: 'createdAt', op: '>', values: [{ N: '1' }] },
          { path: 'a[', op: 'attribute_exists', values: [] },
          { path: 'blob', op: '=', values: [{ B: '***' }] },
          { path: 'name', op: 'begins_with', values: [{ N: '1' }] },
          { path: 'x', op: 'between', values: [{ S: 'b' }, { S: 'a' }] },
          { path: 'x', op: 'between', values: [{ S: 'a' }, { N: '1' }] },
        ],
      },
    };
    expect(fields(model, byStatus, true)).toEqual([
      'filters.conditions.0.values',
      'filters.conditions.1.values.0',
      'filters.conditions.2.values.0',
      'filters.conditions.3.type',
      'filters.conditions.4.path',
      'filters.conditions.5.path',
      'filters.conditions.6.values.0',
      'filters.conditions.7.values.0',
      'filters.conditions.8.values.1',
      'filters.conditions.9.values',
    ]);
    const messages = validateModel(model, byStatus, true).map((e) => e.message);
    expect(messages[0]).toBe('BETWEEN takes two values, got 1');
    expect(messages[4]).toBe(
      'createdAt is a key attribute: a query filters it with the key condition',
    );
  });

  test('key attributes may be filtered in a scan', () => {
    const model: QueryModel = {
      table: 'SupportTickets',
      filters: { join: 'AND', conditions: [{ path: 'ticketId', op: '=', values: [{ S: 'T-1' }] }] },
    };
    expect(validateModel(model, tickets, false)).toEqual([]);
  });

  test('consistent read: refused on a GSI, allowed on an LSI and the table', () => {
    const model: QueryModel = { table: 'SupportTickets', index: 'byStatus', consistentRead: true };
    expect(validateModel(model, byStatus, true)).toEqual([
      {
        field: 'consistentRead',
        message: 'Consistent reads are not supported on global secondary indexes',
      },
    ]);
    expect(fields(model, byStatus, 'GSI')).toEqual(['consistentRead']);
    expect(fields(model, byStatus, 'LSI')).toEqual([]);
    expect(fields({ ...model, index: undefined }, tickets, false)).toEqual([]);
  });

  test('projection: bad and overlapping paths; segments only for scans; query mode needs a value', () => {
    expect(fields({ table: 'T11', projection: ['a.b', 'c', 'a', ''] }, tickets)).toEqual([
      'projection.2',
      'projection.3',
    ]);
    expect(fields({ table: 'T11', partitionValue: { S: 'x' }, segments: 2 }, tickets)).toEqual([
      'segments',
    ]);
    expect(validateModel({ table: 'T11', mode: 'query' }, tickets, false)).toEqual([
      { field: 'partitionValue', message: 'Enter a value for ticketId to query' },
    ]);
  });
});
