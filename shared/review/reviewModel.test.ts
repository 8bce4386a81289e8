import { describe, expect, it } from 'vitest';
import { applyEdit } from '../changes/apply';
import { changeId, emptyStaging, tableRef } from '../changes/types';
import type { Edit, StagingState } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { PlannerSession } from '../plan/session';
import { planStaged } from './planStaged';
import { createChangeDiff, kindCounts, keyLabel, reviewEntries, stagedTables } from './reviewModel';
import { reviewIssues } from './reviewIssues';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = {
  [tableRef('c', 'A')]: schema,
  [tableRef('c', 'B')]: schema,
  [tableRef('d', 'A')]: schema,
};
const loaded = (table: string, item: Item, conn = 'c') => ({
  connectionId: conn,
  table,
  key: item,
  original: item,
});

function stage(...edits: Edit[]): StagingState {
  return applyEdit(emptyStaging, { type: 'batch', edits }, schemas);
}

const x = { id: { S: 'x' }, n: { N: '1' }, s: { S: 'hello world' } };
const y = { id: { S: 'y' }, gone: { BOOL: true } };
const state = stage(
  { type: 'setAttribute', target: loaded('A', x), name: 'n', value: { S: '1' } },
  { type: 'setAttribute', target: loaded('A', x), name: 's', value: { S: 'hello there world' } },
  { type: 'deleteItem', target: loaded('B', y) },
  { type: 'putItem', connectionId: 'c', table: 'A', item: { id: { S: 'new' }, tags: { SS: [] } } },
  {
    type: 'putItem',
    connectionId: 'd',
    table: 'A',
    item: { id: { S: 'far' }, big: { S: 'z'.repeat(410_000) } },
  },
);

describe('review model', () => {
  it('lists changes by kind and table, and counts them', () => {
    expect(reviewEntries(state.changes, { kinds: [], table: null })).toHaveLength(4);
    expect(
      reviewEntries(state.changes, { kinds: ['put'], table: null }).map((e) => e.change.key),
    ).toEqual([{ id: { S: 'new' } }, { id: { S: 'far' } }]);
    expect(
      reviewEntries(state.changes, { kinds: [], table: tableRef('c', 'B') }).map(
        (e) => e.change.kind,
      ),
    ).toEqual(['delete']);
    expect(kindCounts(state.changes)).toEqual({ put: 2, update: 1, delete: 1 });
    expect(stagedTables(state.changes).map((t) => [t.connectionId, t.table, t.count])).toEqual([
      ['c', 'A', 2],
      ['c', 'B', 1],
      ['d', 'A', 1],
    ]);
  });

  it('diffs per attribute, calling out type changes', () => {
    const c = state.changes.get(changeId('c', 'A', x, schema))!;
    const changeDiff = createChangeDiff();
    expect(changeDiff(c)).toEqual([
      { name: 'n', kind: 'changed', before: { N: '1' }, after: { S: '1' }, typeChanged: true },
      {
        name: 's',
        kind: 'changed',
        before: { S: 'hello world' },
        after: { S: 'hello there world' },
        typeChanged: false,
      },
    ]);
    expect(changeDiff(c)).toBe(changeDiff(c)); // cached per change object
    expect(keyLabel(c)).toBe('id=x');
  });

  it('plans with shared/plan per connection and sums the summary', () => {
    const p = planStaged(state.changes, schemas, new PlannerSession());
    expect(p.connections.map((c) => c.connectionId)).toEqual(['c', 'd']);
    expect(p.summary).toMatchObject({ puts: 3, deletes: 1, requests: 2, rejected: 0 });
    expect(p.newItems).toBe(2);
    expect(p.updates).toBe(1);
    expect(p.summary.wcu).toBe(1 + 1 + 1 + Math.ceil(410_006 / 1024));
    const del = p.connections[0]!.ops.find((op) => op.kind === 'delete');
    expect(del).toEqual({
      id: changeId('c', 'B', y, schema),
      table: 'B',
      kind: 'delete',
      key: { id: { S: 'y' } },
      oldSize: 8,
    });
  });

  it('blocks commit with one message per item and attribute', () => {
    const issues = reviewIssues(
      state.changes,
      schemas,
      planStaged(state.changes, schemas, new PlannerSession()),
      new PlannerSession(),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['set-empty', 'tags'],
      ['item-too-large', ''],
    ]);
    expect(issues[0]?.message).toBe(
      'tags is an empty string set; DynamoDB has no empty sets (remove the attribute).',
    );
  });

  it('asks for the key schema when it is unknown', () => {
    const issues = reviewIssues(
      state.changes,
      { [tableRef('c', 'A')]: schema },
      undefined,
      new PlannerSession(),
    );
    expect(issues.filter((i) => i.code === 'no-schema')).toHaveLength(2);
  });
});
