import { expect, test, vi } from 'vitest';
import type { Item, KeySchema } from '../dynamo/types';
import { atomicGroups, transactAction } from './atomicGroups';
import type { PlanInput } from './types';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { T: schema, Archive: schema };
const put = (i: number, table = 'T'): PlanInput => ({ id: `p${i}`, table, kind: 'put', item: { id: { S: `k${i}` }, n: { N: String(i) } }, guard: { base: null } });

test('250 changes go in groups of 100, 100 and 50, in order', () => {
  const ops = Array.from({ length: 250 }, (_, i) => put(i));
  const out = atomicGroups(ops, schemas);
  expect(out.groups.map((g) => g.actions.length)).toEqual([100, 100, 50]);
  expect(out.groups.flatMap((g) => g.ops)).toEqual(ops);
  expect(out.rejected).toEqual([]);
});

test('no item twice in a group; a move is put and delete in one group', () => {
  const again: PlanInput = { id: 'again', table: 'T', kind: 'put', item: { id: { S: 'k1' } } };
  const moveDelete: PlanInput = { id: 'd5', table: 'T', kind: 'delete', key: { id: { S: 'k5' } }, after: 'a5', guard: { base: { id: { S: 'k5' }, n: { N: '5' } } } };
  const movePut = { ...put(5, 'Archive'), id: 'a5' };
  const out = atomicGroups([moveDelete, put(1), movePut, again, put(2)], schemas, 3);
  expect(out.groups.map((g) => g.ops.map((o) => o.id))).toEqual([['p1', 'a5', 'd5'], ['again', 'p2']]);
});

test('actions carry guarded conditions', () => {
  expect(transactAction(put(1), schema)).toEqual({
    Put: {
      TableName: 'T',
      Item: { id: { S: 'k1' }, n: { N: '1' } },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'id' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  });
  const update = transactAction(
    { id: 'u', table: 'T', kind: 'put', item: { id: { S: 'k' }, n: { N: '2' } }, guard: { base: { id: { S: 'k' }, n: { N: '1' } } } },
    schema,
  );
  expect(update).toMatchObject({ Update: { UpdateExpression: 'SET #n0 = :v0', ConditionExpression: expect.stringContaining('#n0 = :v1') } });
  expect(atomicGroups([put(1, 'Nope')], schemas).rejected).toEqual([{ id: 'p1', reason: 'No key schema for table Nope' }]);
});

test("each group's bytes are its actions' JSON length, counted without serialising an action", () => {
  const base: Item = { id: { S: 'k' }, note: { S: 'é "quoted" \\ \u0000' }, m: { M: { l: { L: [{ N: '1' }, { NULL: true }] } } } };
  const update = (i: number): PlanInput => ({
    id: `u${i}`,
    table: 'T',
    kind: 'put',
    item: { ...base, id: { S: `k${i}` }, note: { S: `ünï ${i}` } },
    guard: { base: { ...base, id: { S: `k${i}` } } },
  });
  const del = (i: number): PlanInput => ({ id: `d${i}`, table: 'T', kind: 'delete', key: { id: { S: `x${i}` } }, guard: { base: { ...base, id: { S: `x${i}` } } } });
  const ops = [...Array.from({ length: 150 }, (_, i) => update(i)), ...Array.from({ length: 60 }, (_, i) => del(i)), put(1)];
  const stringify = vi.spyOn(JSON, 'stringify');
  let out;
  try {
    out = atomicGroups(ops, schemas);
    // Only strings that need escapes go through stringify (to count their escapes), never an action.
    expect(stringify.mock.calls.filter(([v]) => typeof v === 'object')).toEqual([]);
  } finally {
    stringify.mockRestore();
  }
  expect(out.groups.map((g) => g.actions.length)).toEqual([100, 100, 11]);
  for (const g of out.groups) expect(g.bytes).toBe(g.actions.reduce((n, a) => n + JSON.stringify(a).length, 0));
});
