import { expect, test } from 'vitest';
import type { KeySchema } from '../../../../shared/dynamo/types';
import { planAtomic } from '../../../../shared/plan/atomicPlan';
import type { PlanInput } from '../../../../shared/plan/types';
import { planAtomicMemo } from './atomicPlanMemo';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const put = (i: number): PlanInput => ({ id: `p${i}`, table: 'T', kind: 'put', item: { id: { S: `k${i}` } } });

test('the same ops, schemas, scope and checks give the same answer without planning again; anything else plans', () => {
  const ops = Array.from({ length: 250 }, (_, i) => put(i));
  const schemas = { T: schema };
  const first = planAtomicMemo(ops, schemas, 'group');
  expect(first).toEqual(planAtomic(ops, schemas, 'group'));
  expect(first.groups).toHaveLength(3);
  expect(planAtomicMemo(ops, schemas, 'group')).toBe(first);
  const all = planAtomicMemo(ops, schemas, 'all');
  expect(all).not.toBe(first);
  expect(all.refused).toMatch(/only possible up to 100 actions/);
  const fewer = ops.slice(0, 100);
  expect(planAtomicMemo(fewer, schemas, 'all').groups).toHaveLength(1);
  expect(planAtomicMemo(ops, { T: { ...schema } }, 'group')).not.toBe(first);
});

test('asked by the table rows (no scope, no checks) and by the summary (group, no checks) in turn: planned once', () => {
  const ops = Array.from({ length: 150 }, (_, i) => put(i));
  const schemas = { T: schema };
  const a = planAtomicMemo(ops, schemas);
  expect(planAtomicMemo(ops, schemas, 'group', [])).toBe(a);
  expect(planAtomicMemo(ops, schemas, 'all')).not.toBe(a);
  expect(planAtomicMemo(ops, schemas)).toBe(a);
});
