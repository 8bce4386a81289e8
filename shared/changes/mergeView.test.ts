import { describe, expect, it } from 'vitest';
import type { Item } from '../dynamo/types';
import { applyEdit } from './apply';
import { changedNames, mergeView } from './mergeView';
import type { GridRow } from './mergeView';
import { CONN, TABLE, idOf, row, schema, schemas, target } from './testItems';
import { changeId, emptyStaging, tableRef } from './types';
import type { Edit, StagingState } from './types';

const view = { connectionId: CONN, table: TABLE, keySchema: schema };
const a = row('a', '1', { name: { S: 'Ann' } });
const b = row('b', '2', { name: { S: 'Bob' } });
const c = row('c', '3', { name: { S: 'Cy' } });
const loaded = [a, b, c];

function run(...edits: Edit[]): StagingState {
  return edits.reduce((s, e) => applyEdit(s, e, schemas), emptyStaging);
}

const summary = (rows: GridRow[]) =>
  rows.map((r) => [
    r.item.pk && 'S' in r.item.pk ? r.item.pk.S : '?',
    r.status,
    r.changed && [...r.changed],
  ]);

describe('mergeView', () => {
  it('passes loaded rows through unchanged when nothing is staged', () => {
    const rows = mergeView(view, loaded, {});
    expect(rows.map((r) => r.item)).toEqual(loaded);
    expect(rows[0]?.item).toBe(a);
    expect(rows.map((r) => r.id)).toEqual(loaded.map(idOf));
    expect(rows.every((r) => r.status === undefined && r.changed === undefined)).toBe(true);
  });

  it('shows changed, deleted and new rows with their changed attribute names', () => {
    const n = row('n', '9', { name: { S: 'New' } });
    const s = run(
      { type: 'setAttribute', target: target(a), name: 'name', value: { S: 'Anna' } },
      { type: 'setAttribute', target: target(a), name: 'age', value: { N: '30' } },
      { type: 'deleteItem', target: target(b) },
      { type: 'putItem', connectionId: CONN, table: TABLE, item: n },
    );
    const rows = mergeView(view, loaded, s.changes);
    expect(summary(rows)).toEqual([
      ['a', 'changed', ['name', 'age']],
      ['b', 'deleted', undefined],
      ['c', undefined, undefined],
      ['n', 'new', undefined],
    ]);
    expect(rows[0]?.item).toEqual({ ...a, name: { S: 'Anna' }, age: { N: '30' } });
    expect(rows[1]?.item).toBe(b); // deleted rows show their original image
    expect(rows[3]?.id).toBe(idOf(n));
  });

  it('shows a key change as the old row deleted and the moved item appended as new', () => {
    const s = run({ type: 'setAttribute', target: target(a), name: 'pk', value: { S: 'z' } });
    expect(summary(mergeView(view, loaded, s.changes))).toEqual([
      ['a', 'deleted', undefined],
      ['b', undefined, undefined],
      ['c', undefined, undefined],
      ['z', 'new', undefined],
    ]);
  });

  it('shows a put onto a loaded key in place, compared with the loaded row', () => {
    // Moving a onto b's key: b's row is overwritten by a put.
    const s = run(
      { type: 'setAttribute', target: target(a), name: 'pk', value: { S: 'b' } },
      {
        type: 'setAttribute',
        target: { ...target(a), key: row('b', '1') },
        name: 'sk',
        value: { N: '2' },
      },
    );
    const rows = mergeView(view, loaded, s.changes);
    expect(summary(rows)).toEqual([
      ['a', 'deleted', undefined],
      ['b', 'changed', ['name']],
      ['c', undefined, undefined],
    ]);
  });

  it('matches rows whose keys are spelled differently (1.0 vs 1) and carries commit errors', () => {
    const s = run({ type: 'setAttribute', target: target(a), name: 'name', value: { S: 'X' } });
    const failed = { [idOf(a)]: { ...s.changes[idOf(a)]!, error: 'Throttled' } };
    const rows = mergeView(view, [row('a', '1.0', { name: { S: 'Ann' } })], failed);
    expect(rows[0]).toMatchObject({ status: 'changed', error: 'Throttled' });
  });

  it('ignores changes of other tables', () => {
    const other = { ...schemas, [tableRef(CONN, 'Other')]: schema };
    const s = applyEdit(
      emptyStaging,
      { type: 'putItem', connectionId: CONN, table: 'Other', item: row('q', '1') },
      other,
    );
    expect(mergeView(view, loaded, s.changes)).toHaveLength(3);
  });

  it("gives the same rows whether loaded rows are the changes' originals or reloaded copies", () => {
    const many: Item[] = Array.from({ length: 40 }, (_, i) =>
      row(`p${i % 4}`, String(i), { v: { N: String(i) } }),
    );
    const edits: Edit[] = many.flatMap((it, i): Edit[] => {
      if (i % 5 === 0) return [{ type: 'deleteItem', target: target(it) }];
      if (i % 3 === 0) {
        return [{ type: 'setAttribute', target: target(it), name: 'v', value: { S: 'x' } }];
      }
      if (i % 7 === 0) return [{ type: 'removeAttribute', target: target(it), name: 'v' }];
      return [];
    });
    const s = run({ type: 'batch', edits });
    const failed = Object.keys(s.changes)[1] as string;
    const changes = { ...s.changes, [failed]: { ...s.changes[failed]!, error: 'Throttled' } };
    const shape = (rows: GridRow[]) =>
      rows.map((r) => ({
        id: r.id,
        item: r.item,
        status: r.status,
        changed: r.changed && [...r.changed],
        base: r.base,
        error: r.error,
      }));
    const same = mergeView(view, many, changes); // matched by identity
    const copies = structuredClone(many); // matched by key
    expect(shape(same)).toEqual(shape(mergeView(view, copies, changes)));
    expect(same.filter((r) => r.status === 'deleted')).toHaveLength(8);
    expect(same.filter((r) => r.status === 'changed')).toHaveLength(14);
    expect(same.find((r) => r.error)?.id).toBe(failed);
    // One reloaded row among the originals (a changed one): still found, by key.
    const mixed = many.map((it, i) => (i === 3 ? structuredClone(it) : it));
    expect(shape(mergeView(view, mixed, changes))).toEqual(shape(same));
  });

  it('shares the rows of unchanged items between merges of one loaded array, and only those', () => {
    const s = run({ type: 'setAttribute', target: target(a), name: 'name', value: { S: 'X' } });
    const first = mergeView(view, loaded, s.changes);
    const again = mergeView(view, loaded, {});
    expect(again[1]).toBe(first[1]);
    expect(again[0]).not.toBe(first[0]);
    expect(again[0]).toMatchObject({ item: a, status: undefined, base: undefined });
    // An array changed in place, and another key schema, get rows of their own.
    const changing = [...loaded];
    mergeView(view, changing, {});
    changing[2] = row('d', '4');
    expect(mergeView(view, changing, {})[2]?.id).toBe(idOf(changing[2] as Item));
    const bySk = { ...view, keySchema: { partitionKey: { name: 'sk', type: 'N' as const } } };
    expect(mergeView(bySk, loaded, {})[0]?.id).toBe(changeId(CONN, TABLE, a, bySk.keySchema));
    expect(mergeView(view, loaded, {})[0]?.id).toBe(idOf(a));
  });

  it('merges 100,000 rows with 10,000 changes', () => {
    const many: Item[] = Array.from({ length: 100_000 }, (_, i) =>
      row(`u#${i}`, String(i), { v: { N: String(i) } }),
    );
    const edits: Edit[] = many
      .slice(0, 10_000)
      .map((it) => ({ type: 'setAttribute', target: target(it), name: 'v', value: { S: 'x' } }));
    const s = run({ type: 'batch', edits });
    // How fast is bench:staging's to measure (no wall-clock limits in tests).
    const rows = mergeView(view, many, s.changes);
    expect(rows).toHaveLength(100_000);
    expect(rows.filter((r) => r.status === 'changed')).toHaveLength(10_000);
    expect(rows[5]?.changed).toEqual(new Set(['v']));
  });
});

describe('changedNames', () => {
  it('lists added, removed and changed attributes', () => {
    const before: Item = { a: { S: '1' }, b: { N: '1' }, c: { BOOL: true } };
    const after: Item = { a: { S: '1' }, b: { N: '1.0' }, d: { NULL: true } };
    expect([...changedNames(before, after)]).toEqual(['b', 'c', 'd']);
  });
});
