import { describe, expect, it } from 'vitest';
import { itemSize } from '../dynamo/size';
import { applyEdit } from './apply';
import { CONN, TABLE, idOf, row, schemas, target } from './testItems';
import { changeMeasure, inputMeasure, planInputs } from './toPlan';
import { emptyStaging } from './types';
import { PlannerSession } from '../plan/session';

describe('planInputs', () => {
  it('turns puts and updates into full puts and deletes into deletes by key, with old sizes', () => {
    const a = row('a', '1', { n: { S: 'x' } });
    const b = row('b', '1', { n: { S: 'long value' } });
    const n = row('n', '1');
    let s = applyEdit(
      emptyStaging,
      { type: 'setAttribute', target: target(a), name: 'n', value: { S: 'X' } },
      schemas,
    );
    s = applyEdit(s, { type: 'deleteItem', target: target(b) }, schemas);
    s = applyEdit(s, { type: 'putItem', connectionId: CONN, table: TABLE, item: n }, schemas);
    expect(planInputs(s.changes, CONN)).toEqual([
      {
        id: idOf(a),
        table: TABLE,
        kind: 'put',
        item: { ...a, n: { S: 'X' } },
        oldSize: itemSize(a),
      },
      { id: idOf(b), table: TABLE, kind: 'delete', key: row('b', '1'), oldSize: itemSize(b) },
      { id: idOf(n), table: TABLE, kind: 'put', item: n },
    ]);
    expect(planInputs(s.changes, 'other-connection')).toEqual([]);
  });

  it('gives the same input objects back for changes that stayed, new ones for the rest', () => {
    const a = row('a', '1', { n: { S: 'x' } });
    const b = row('b', '1', { n: { S: 'y' } });
    const set = (it: typeof a, v: string) =>
      ({ type: 'setAttribute', target: target(it), name: 'n', value: { S: v } }) as const;
    const s1 = applyEdit(applyEdit(emptyStaging, set(a, 'X'), schemas), set(b, 'Y'), schemas);
    const session = new PlannerSession();
    const first = planInputs(s1.changes, CONN, session);
    const s2 = applyEdit(s1, set(b, 'Z'), schemas);
    const second = planInputs(s2.changes, CONN, session);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toMatchObject({ id: idOf(b), item: { ...b, n: { S: 'Z' } } });
    // Another session (a commit's) shares nothing with the review's.
    expect(planInputs(s2.changes, CONN, new PlannerSession())[0]).not.toBe(first[0]);
    expect(planInputs(s2.changes, CONN, session)[0]).toBe(first[0]);
    expect(planInputs(new Map(), CONN, session)).toEqual([]);
    expect(planInputs(s2.changes, CONN, session)[0]).not.toBe(first[0]); // forgotten once gone
  });

  it('hands the measurements it took to the planner and the review, for its own inputs only', () => {
    const a = row('a', '1', { n: { S: 'x' } });
    const n = row('n', '1', { big: { S: 'é'.repeat(50) } });
    let s = applyEdit(
      emptyStaging,
      { type: 'setAttribute', target: target(a), name: 'n', value: { S: 'X' } },
      schemas,
    );
    s = applyEdit(s, { type: 'putItem', connectionId: CONN, table: TABLE, item: n }, schemas);
    const session = new PlannerSession();
    const ops = planInputs(s.changes, CONN, session);
    for (const [i, op] of ops.entries()) {
      const item = op.kind === 'put' ? op.item : {};
      const m = {
        size: itemSize(item),
        jsonBytes: new TextEncoder().encode(JSON.stringify(item)).length,
      };
      expect(inputMeasure(session, CONN, op, i)).toMatchObject(m);
      const id = [...s.changes.keys()][i] as string;
      expect(changeMeasure(session, id, s.changes.get(id)!)).toMatchObject(m);
    }
    // Asked out of order, as well.
    const ids = [...s.changes.keys()].reverse();
    for (const id of ids) expect(changeMeasure(session, id, s.changes.get(id)!)).toBeTruthy();
    expect(inputMeasure(session, CONN, { ...ops[0]! }, 0)).toBeUndefined(); // not an input it made
    expect(inputMeasure(session, CONN, ops[0]!, 1)).toBeUndefined(); // not where it made it
    expect(changeMeasure(session, idOf(a), { ...s.changes.get(idOf(a))! })).toBeUndefined();
  });
});
