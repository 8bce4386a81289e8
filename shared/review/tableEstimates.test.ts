import { describe, expect, test } from 'vitest';
import type { Changes, StagedChange } from '../changes/types';
import { changeId, tableRef } from '../changes/types';
import type { KeySchema } from '../dynamo/types';
import { PlannerSession } from '../plan/session';
import { planStaged } from './planStaged';
import { SUMMARY_MODES, tableSummary } from './tableEstimates';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { [tableRef('c', 'A')]: schema, [tableRef('c', 'B')]: schema };

function puts(table: string, n: number): [string, StagedChange][] {
  return Array.from({ length: n }, (_, i) => {
    const key = { id: { S: `${table}${i}` } };
    const c: StagedChange = {
      kind: 'put',
      connectionId: 'c',
      table,
      key,
      item: { ...key, n: { N: String(i) } },
    };
    return [changeId('c', table, key, schema), c];
  });
}

function summary(changes: Changes) {
  return tableSummary(
    changes,
    new Map(),
    schemas,
    planStaged(changes, schemas, new PlannerSession()),
    [],
  );
}

describe('the review summary by table and write mode', () => {
  test("takes each image's size from the plan's session, not measuring it again", () => {
    const changes: Changes = new Map(puts('A', 2));
    const session = new PlannerSession();
    const whole = planStaged(changes, schemas, session);
    expect(tableSummary(changes, new Map(), schemas, whole, []).total.batch?.wcu).toBe(2);
    // The session's measurement is what every figure follows (here: a 5,000-byte image).
    const first = session.inputs.get('c')!.last[0]!;
    first.measure = { ...first.measure!, size: 5000 };
    expect(tableSummary(changes, new Map(), schemas, whole, []).total.batch?.wcu).toBe(6);
  });

  test('compares Guarded, Batch and Atomic', () => {
    expect(SUMMARY_MODES.map((m) => m.mode)).toEqual(['guarded', 'batch', 'atomic']);
  });

  test('Atomic: one TransactWriteItems per 100 changes, every write unit billed twice', () => {
    const { rows, total } = summary(new Map(puts('A', 130)));
    expect(rows).toHaveLength(1);
    const { batch, atomic } = rows[0]!.modes;
    expect(batch).toEqual({ calls: 6 + 2, wcu: 130 }); // 6 writes, 2 BatchGetItem reads
    expect(atomic).toEqual({ calls: 2, wcu: 260 });
    expect(total.atomic).toEqual(atomic);
  });

  test('each table is planned into its own transactions; the whole plan into shared ones', () => {
    const { rows, total } = summary(new Map([...puts('A', 60), ...puts('B', 60)]));
    expect(rows.map((r) => [r.table, r.modes.atomic])).toEqual([
      ['A', { calls: 1, wcu: 120 }],
      ['B', { calls: 1, wcu: 120 }],
    ]);
    expect(total.atomic).toEqual({ calls: 2, wcu: 240 });
  });
});
