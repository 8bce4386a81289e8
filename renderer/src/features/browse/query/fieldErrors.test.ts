import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, newFilter } from './queryDraft';
import { errorsAt, visibleErrors } from './fieldErrors';

describe('visibleErrors', () => {
  const draft = { ...EMPTY_DRAFT, mode: 'query' as const, filters: [newFilter()] };
  const errors = [
    { field: 'partitionValue', message: 'Enter a value for orgId to query' },
    { field: 'filters.conditions.0.path', message: 'path is empty' },
    { field: 'pageSize', message: 'Page size must be a whole number' },
  ];
  it('hides errors about empty fields until Run was pressed', () => {
    expect(visibleErrors(errors, draft, false).map((e) => e.field)).toEqual(['pageSize']);
    expect(visibleErrors(errors, draft, true)).toHaveLength(3);
  });
});

describe('visibleErrors on an empty BETWEEN bound', () => {
  it('shows one message for the empty field', () => {
    const draft = {
      ...EMPTY_DRAFT,
      mode: 'query' as const,
      sortOp: 'between' as const,
      sortValues: ['u005', ''] as [string, string],
    };
    const errors = [
      { field: 'sortCondition.values.1', message: 'userId must not be empty' },
      {
        field: 'sortCondition.values.1',
        message: 'The upper bound must not be below the lower bound',
      },
    ];
    expect(visibleErrors(errors, draft, true).map((e) => e.message)).toEqual([
      'userId must not be empty',
    ]);
  });
});

describe('errorsAt', () => {
  it('matches a field and its children, not its siblings with a longer index', () => {
    const errors = [
      { field: 'filters.conditions.1.values.0', message: 'a' },
      { field: 'filters.conditions.10.path', message: 'b' },
      { field: 'filters.conditions.1', message: 'c' },
    ];
    expect(errorsAt(errors, 'filters.conditions.1')).toEqual(['a', 'c']);
  });
});
