import { describe, expect, it } from 'vitest';
import { tableCounts } from './tableCounts';
import type { StagedChange } from './types';

const k = (id: string) => ({ id: { S: id } });
const put = (table: string, id: string): StagedChange => ({
  kind: 'put',
  connectionId: 'c',
  table,
  key: k(id),
  item: k(id),
});
const del = (table: string, id: string): StagedChange => ({
  kind: 'delete',
  connectionId: 'c',
  table,
  key: k(id),
  original: k(id),
});
const upd = (table: string, id: string): StagedChange => ({
  kind: 'update',
  connectionId: 'c',
  table,
  key: k(id),
  original: k(id),
  item: { ...k(id), x: { N: '1' } },
});

describe('tableCounts', () => {
  it('counts new, changed, deleted and moved per table, a move once on each side', () => {
    const changes = new Map<string, StagedChange>([
      ['p1', put('A', '1')],
      ['u1', upd('A', '2')],
      ['d1', del('A', '3')],
      ['d2', del('A', '4')],
      ['m1', put('Archive', '4')],
      ['p2', put('Archive', '9')],
    ]);
    const out = tableCounts(changes, new Map([['d2', 'm1']]));
    expect(
      out.map(({ table, created, changed, deleted, movedOut, movedIn }) => [
        table,
        created,
        changed,
        deleted,
        movedOut,
        movedIn,
      ]),
    ).toEqual([
      ['A', 1, 1, 1, 1, 0],
      ['Archive', 1, 0, 0, 0, 1],
    ]);
  });
});
