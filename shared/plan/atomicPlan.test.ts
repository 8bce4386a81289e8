import { expect, test } from 'vitest';
import type { KeySchema } from '../dynamo/types';
import { planAtomic } from './atomicPlan';
import type { PlanInput } from './types';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { T: schema, Flags: schema };
const put = (i: number): PlanInput => ({ id: `p${i}`, table: 'T', kind: 'put', item: { id: { S: `k${i}` } } });
const check = { table: 'Flags', key: { id: { S: 'open' } }, expect: 'exists' as const };

test('new items are written only if absent; each group leaves room for the checks', () => {
  const out = planAtomic(Array.from({ length: 200 }, (_, i) => put(i)), schemas, 'group', [check]);
  expect(out.refused).toBeUndefined();
  expect(out.groups.map((g) => g.actions.length)).toEqual([99, 99, 2]);
  expect(out.groups[0]!.actions[0]).toMatchObject({ Put: { ConditionExpression: expect.stringMatching(/^attribute_not_exists\(#\w+\)$/) } });
  expect(out.checks).toEqual([
    { ConditionCheck: { TableName: 'Flags', Key: check.key, ConditionExpression: 'attribute_exists(#k)', ExpressionAttributeNames: { '#k': 'id' } } },
  ]);
});

test('everything or nothing: one transaction up to 100 actions, refused above with the reason', () => {
  expect(planAtomic(Array.from({ length: 100 }, (_, i) => put(i)), schemas, 'all').groups).toHaveLength(1);
  expect(planAtomic(Array.from({ length: 101 }, (_, i) => put(i)), schemas, 'all').refused).toMatch(
    /^Everything or nothing is only possible up to 100 actions in one transaction: these changes need 101\./,
  );
  expect(planAtomic(Array.from({ length: 100 }, (_, i) => put(i)), schemas, 'all', [check]).refused).toMatch(/need 101 \(with 1 condition checks\)/);
});

test('a check naming a staged item, or with a wrong key, is refused before anything is sent', () => {
  expect(planAtomic([put(1)], schemas, 'group', [{ table: 'T', key: { id: { S: 'k1' } }, expect: 'absent' }]).refused).toMatch(/that item is staged/);
  expect(planAtomic([put(1)], schemas, 'group', [{ table: 'Flags', key: { name: { S: 'x' } }, expect: 'absent' }]).refused).toMatch(/the key must be exactly id/);
});
