import { describe, expect, test } from 'vitest';
import { bulkScope, type ScopeRow } from './bulkScope';

const row = (id: string, over: Partial<ScopeRow> = {}): ScopeRow => ({
  id,
  status: undefined,
  shown: true,
  matchesQuery: true,
  ...over,
});

describe('bulkScope', () => {
  const rows = [
    row('a'),
    row('b', { shown: false }),
    row('c', { status: 'deleted' }),
    row('d', { status: 'new', matchesQuery: false }),
    row('e', { status: 'new' }),
    row('f', { status: 'changed' }),
  ];

  test('a move takes shown rows of the query and says why it leaves the others out', () => {
    expect(bulkScope('move', rows)).toEqual({
      ids: ['a', 'e', 'f'],
      leftOut: [
        { reason: 'hidden', ids: ['b'] },
        { reason: 'deleted', ids: ['c'] },
        { reason: 'notInQuery', ids: ['d'] },
      ],
    });
  });

  test('a delete takes a new row the query does not match (it un-stages it)', () => {
    const s = bulkScope('delete', rows);
    expect(s.ids).toEqual(['a', 'd', 'e', 'f']);
    expect(s.leftOut.map((l) => l.reason)).toEqual(['hidden', 'deleted']);
  });

  test('nothing left out: an empty list of reasons', () => {
    expect(bulkScope('copy', [row('a'), row('b')])).toEqual({ ids: ['a', 'b'], leftOut: [] });
  });
});
