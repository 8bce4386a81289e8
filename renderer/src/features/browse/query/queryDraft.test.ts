import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../../../shared/query';
import { EMPTY_DRAFT, newFilter, splitPaths, toModel, type QueryDraft } from './queryDraft';

const orgKey = {
  partitionKey: { name: 'orgId', type: 'S' as const },
  sortKey: { name: 'userId', type: 'S' as const },
};
const ticketKey = { partitionKey: { name: 'ticketId', type: 'S' as const } };

describe('toModel', () => {
  it('builds a query with a BETWEEN sort condition', () => {
    const draft: QueryDraft = {
      ...EMPTY_DRAFT,
      mode: 'query',
      partition: 'acme',
      sortOp: 'between',
      sortValues: ['u005', 'u010'],
      descending: true,
    };
    const { model, errors } = toModel(draft, 'OrgUsers', orgKey, false);
    expect(errors).toEqual([]);
    expect(model).toEqual({
      table: 'OrgUsers',
      mode: 'query',
      partitionValue: { S: 'acme' },
      sortCondition: { op: 'between', values: [{ S: 'u005' }, { S: 'u010' }] },
      descending: true,
      pageSize: 100,
    });
  });

  it('leaves the partition value out when it is empty, so validation asks for it', () => {
    const { model } = toModel({ ...EMPTY_DRAFT, mode: 'query' }, 'OrgUsers', orgKey, false);
    expect(model.partitionValue).toBeUndefined();
    expect(validateModel(model, orgKey, false).map((e) => e.field)).toContain('partitionValue');
  });

  it('types filter values and drops values an operator does not take', () => {
    const a = { ...newFilter(), path: 'priority', op: '>=' as const };
    a.values[0] = { type: 'N', text: ' 4 ' };
    const b = { ...newFilter(), path: 'escalatedTo', op: 'attribute_exists' as const };
    const c = {
      ...newFilter(),
      path: 'history[0].by',
      op: 'attribute_type' as const,
      attrType: 'S' as const,
    };
    const { model } = toModel(
      { ...EMPTY_DRAFT, join: 'OR', filters: [a, b, c] },
      'SupportTickets',
      ticketKey,
      false,
    );
    expect(model.filters).toEqual({
      join: 'OR',
      conditions: [
        { path: 'priority', op: '>=', values: [{ N: '4' }] },
        { path: 'escalatedTo', op: 'attribute_exists', values: [] },
        { path: 'history[0].by', op: 'attribute_type', values: [], type: 'S' },
      ],
    });
  });

  it('drops consistent read on a GSI and checks page size and segments', () => {
    const draft = { ...EMPTY_DRAFT, consistentRead: true, pageSize: '0', segments: 'x' };
    const { model, errors } = toModel(draft, 'SupportTickets', ticketKey, true);
    expect(model.consistentRead).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual(['pageSize', 'segments']);
  });

  it('a malformed number reaches validateModel as the typed text', () => {
    const f = { ...newFilter(), path: 'priority' };
    f.values[0] = { type: 'N', text: '12x' };
    const { model } = toModel({ ...EMPTY_DRAFT, filters: [f] }, 'SupportTickets', ticketKey, false);
    const errors = validateModel(model, ticketKey, false);
    expect(errors[0]?.field).toBe('filters.conditions.0.values.0');
  });
});

describe('splitPaths', () => {
  it('splits on commas outside quotes', () => {
    expect(splitPaths('a, "b,c".d ,, e[0]')).toEqual(['a', '"b,c".d', 'e[0]']);
    expect(splitPaths('  ')).toEqual([]);
  });
});
