import { describe, expect, test } from 'vitest';
import type { QueryModel } from '../contract/items';
import type { KeySchema } from '../dynamo/types';
import { buildRequest } from './build';

const tickets: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
const byStatus: KeySchema = {
  partitionKey: { name: 'status', type: 'S' },
  sortKey: { name: 'createdAt', type: 'N' },
};

describe('buildRequest', () => {
  test('no key value: a plain Scan without expression maps', () => {
    expect(buildRequest({ table: 'SupportTickets' }, tickets)).toEqual({
      kind: 'Scan',
      params: { TableName: 'SupportTickets' },
    });
  });

  test('partition value on a GSI: a Query with placeholders for reserved words', () => {
    const model: QueryModel = {
      table: 'SupportTickets',
      index: 'byStatus',
      partitionValue: { S: 'open' },
      sortCondition: { op: 'between', values: [{ N: '100' }, { N: '200' }] },
      descending: true,
      pageSize: 50,
    };
    expect(buildRequest(model, byStatus, { tableKey: tickets })).toEqual({
      kind: 'Query',
      params: {
        TableName: 'SupportTickets',
        IndexName: 'byStatus',
        KeyConditionExpression: '#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2',
        ExpressionAttributeNames: { '#n0': 'status', '#n1': 'createdAt' },
        ExpressionAttributeValues: {
          ':v0': { S: 'open' },
          ':v1': { N: '100' },
          ':v2': { N: '200' },
        },
        ScanIndexForward: false,
        Limit: 50,
      },
    });
  });

  test('every sort operator', () => {
    const ops = ['=', '<', '<=', '>', '>=', 'begins_with'] as const;
    const built = ops.map(
      (op) =>
        buildRequest(
          { table: 'T11', partitionValue: { S: 'p' }, sortCondition: { op, values: [{ S: 'x' }] } },
          { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
        ).params.KeyConditionExpression,
    );
    expect(built).toEqual([
      '#n0 = :v0 AND #n1 = :v1',
      '#n0 = :v0 AND #n1 < :v1',
      '#n0 = :v0 AND #n1 <= :v1',
      '#n0 = :v0 AND #n1 > :v1',
      '#n0 = :v0 AND #n1 >= :v1',
      '#n0 = :v0 AND begins_with(#n1, :v1)',
    ]);
  });

  test('filters joined by OR, nested paths with one placeholder per segment, indexes kept', () => {
    const model: QueryModel = {
      table: 'SupportTickets',
      filters: {
        join: 'OR',
        conditions: [
          { path: 'status', op: '=', values: [{ S: 'open' }] },
          { path: 'data.name[0].status', op: 'begins_with', values: [{ S: 'A' }] },
          { path: 'name', op: 'attribute_type', values: [], type: 'SS' },
          { path: 'data', op: 'attribute_not_exists', values: [] },
          { path: 'size', op: 'between', values: [{ N: '1' }, { N: '9' }] },
          { path: 'tags', op: 'contains', values: [{ S: 'vip' }] },
          { path: 'flag', op: '<>', values: [{ BOOL: true }] },
        ],
      },
    };
    const { kind, params } = buildRequest(model, tickets);
    expect(kind).toBe('Scan');
    expect(params.FilterExpression).toBe(
      '(#n0 = :v0) OR (begins_with(#n1.#n2[0].#n0, :v1)) OR (attribute_type(#n2, :v2)) OR ' +
        '(attribute_not_exists(#n1)) OR (#n3 BETWEEN :v3 AND :v4) OR (contains(#n4, :v5)) OR ' +
        '(#n5 <> :v6)',
    );
    expect(params.ExpressionAttributeNames).toEqual({
      '#n0': 'status',
      '#n1': 'data',
      '#n2': 'name',
      '#n3': 'size',
      '#n4': 'tags',
      '#n5': 'flag',
    });
    expect(params.ExpressionAttributeValues).toEqual({
      ':v0': { S: 'open' },
      ':v1': { S: 'A' },
      ':v2': { S: 'SS' },
      ':v3': { N: '1' },
      ':v4': { N: '9' },
      ':v5': { S: 'vip' },
      ':v6': { BOOL: true },
    });
  });

  test('mode scan turns key conditions into filters, ANDed with the user group', () => {
    const model: QueryModel = {
      table: 'SupportTickets',
      index: 'byStatus',
      mode: 'scan',
      partitionValue: { S: 'open' },
      sortCondition: { op: '>', values: [{ N: '5' }] },
      descending: true,
      filters: {
        join: 'OR',
        conditions: [
          { path: 'a', op: '=', values: [{ S: '1' }] },
          { path: 'b', op: '=', values: [{ S: '2' }] },
        ],
      },
    };
    const { kind, params } = buildRequest(model, byStatus);
    expect(kind).toBe('Scan');
    expect(params.KeyConditionExpression).toBeUndefined();
    expect(params.ScanIndexForward).toBeUndefined();
    expect(params.FilterExpression).toBe(
      '(#n0 = :v0) AND (#n1 > :v1) AND ((#n2 = :v2) OR (#n3 = :v3))',
    );
  });

  test('projection adds the target and table keys unless already projected', () => {
    const { params } = buildRequest(
      {
        table: 'SupportTickets',
        index: 'byStatus',
        partitionValue: { S: 'open' },
        projection: ['name', 'data.items[2]', 'status'],
        consistentRead: true,
      },
      byStatus,
      { tableKey: tickets },
    );
    expect(params.ProjectionExpression).toBe('#n1, #n2.#n3[2], #n0, #n4, #n5');
    expect(params.ExpressionAttributeNames).toEqual({
      '#n0': 'status',
      '#n1': 'name',
      '#n2': 'data',
      '#n3': 'items',
      '#n4': 'createdAt',
      '#n5': 'ticketId',
    });
    expect(params.ConsistentRead).toBe(true);
  });

  test('throws on models validateModel rejects', () => {
    expect(() => buildRequest({ table: 'T11', mode: 'query' }, tickets)).toThrow(/partition key/);
    expect(() =>
      buildRequest(
        {
          table: 'T11',
          filters: { join: 'AND', conditions: [{ path: 'a', op: 'between', values: [] }] },
        },
        tickets,
      ),
    ).toThrow(/takes 2/);
    expect(() =>
      buildRequest(
        {
          table: 'T11',
          filters: { join: 'AND', conditions: [{ path: 'a..', op: '=', values: [{ S: '' }] }] },
        },
        tickets,
      ),
    ).toThrow(/Invalid path/);
  });
});
