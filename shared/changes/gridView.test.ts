import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../dynamo/key';
import type { Item } from '../dynamo/types';
import { applyEdit } from './apply';
import { changedNames, gridView, rowPositions } from './gridView';
import type { GridView, LoadedRows } from './gridView';
import { CONN, TABLE, row, schema, schemas, target } from './testItems';
import { emptyStaging, tableRef } from './types';
import type { Changes, Edit, StagingState } from './types';

const view = { connectionId: CONN, table: TABLE, keySchema: schema };
const a = row('a', '1', { name: { S: 'Ann' } });
const b = row('b', '2', { name: { S: 'Bob' } });
const c = row('c', '3', { name: { S: 'Cy' } });

/** Loaded rows as the items store holds them: ids are canonical keys, columns every name seen. */
function loadedOf(items: Item[]): LoadedRows {
  const columns = [...new Set(items.flatMap((it) => Object.keys(it)))];
  return { items, ids: items.map((it) => canonicalKey(it, schema)), columns };
}
const loaded = loadedOf([a, b, c]);

function run(...edits: Edit[]): StagingState {
  return edits.reduce((s, e) => applyEdit(s, e, schemas), emptyStaging);
}

const merge = (rows: LoadedRows, changes: Changes) => gridView(view, rows, changes);

/** Each row as [partition key, status, changed names]. */
const summary = (v: GridView) =>
  v.items.map((item, i) => {
    const s = v.staged.get(v.ids[i] as string);
    return [item.pk && 'S' in item.pk ? item.pk.S : '?', s?.status, s?.changed && [...s.changed]];
  });

describe('gridView', () => {
  it('is the loaded rows themselves when nothing of this table is staged', () => {
    const other = { ...schemas, [tableRef(CONN, 'Other')]: schema };
    const s = applyEdit(
      emptyStaging,
      { type: 'putItem', connectionId: CONN, table: 'Other', item: row('q', '1') },
      other,
    );
    for (const changes of [new Map(), s.changes]) {
      const v = merge(loaded, changes);
      expect(v.items).toBe(loaded.items);
      expect(v.ids).toBe(loaded.ids);
      expect(v.columns).toBe(loaded.columns);
      expect(v.staged.size).toBe(0);
      expect(v.count).toBe(0);
    }
  });

  it('shows changed, deleted and new rows with their changed attribute names and new columns', () => {
    const n = row('n', '9', { name: { S: 'New' }, note: { S: 'x' } });
    const s = run(
      { type: 'setAttribute', target: target(a), name: 'name', value: { S: 'Anna' } },
      { type: 'setAttribute', target: target(a), name: 'age', value: { N: '30' } },
      { type: 'deleteItem', target: target(b) },
      { type: 'putItem', connectionId: CONN, table: TABLE, item: n },
    );
    const v = merge(loaded, s.changes);
    expect(summary(v)).toEqual([
      ['a', 'changed', ['name', 'age']],
      ['b', 'deleted', undefined],
      ['c', undefined, undefined],
      ['n', 'new', undefined],
    ]);
    expect(v.items[0]).toEqual({ ...a, name: { S: 'Anna' }, age: { N: '30' } });
    expect(v.items[1]).toBe(b); // deleted rows show their original image
    expect(v.items[2]).toBe(c);
    expect(v.ids).toEqual([...loaded.ids, canonicalKey(n, schema)]);
    expect(loaded.ids).toHaveLength(3); // the loaded arrays are left alone
    expect(loaded.items[0]).toBe(a);
    expect(v.staged.get(loaded.ids[0] as string)?.base).toBe(a);
    expect(v.columns).toEqual(['pk', 'sk', 'name', 'age', 'note']);
    expect(v.count).toBe(3);
  });

  it('shows a key change as the old row deleted and the moved item appended as new', () => {
    const s = run({ type: 'setAttribute', target: target(a), name: 'pk', value: { S: 'z' } });
    expect(summary(merge(loaded, s.changes))).toEqual([
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
    const v = merge(loaded, s.changes);
    expect(summary(v)).toEqual([
      ['a', 'deleted', undefined],
      ['b', 'changed', ['name']],
      ['c', undefined, undefined],
    ]);
    expect(v.staged.get(loaded.ids[1] as string)?.base).toBe(b);
  });

  it('matches rows whose keys are spelled differently (1.0 vs 1) and carries commit errors', () => {
    const s = run({ type: 'setAttribute', target: target(a), name: 'name', value: { S: 'X' } });
    const id = [...s.changes.keys()][0] as string;
    const failed = new Map([[id, { ...s.changes.get(id)!, error: 'Throttled' }]]);
    const v = merge(loadedOf([row('a', '1.0', { name: { S: 'Ann' } })]), failed);
    expect(v.staged.get(v.ids[0] as string)).toMatchObject({
      status: 'changed',
      error: 'Throttled',
    });
  });

  it('leaves out updates and deletes of rows that are not loaded, but counts them', () => {
    const s = run(
      { type: 'setAttribute', target: target(a), name: 'name', value: { S: 'X' } },
      { type: 'deleteItem', target: target(c) },
    );
    const v = merge(loadedOf([b]), s.changes);
    expect(summary(v)).toEqual([['b', undefined, undefined]]);
    expect(v.count).toBe(2);
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
    const failed = [...s.changes.keys()][1] as string;
    const changes = new Map(s.changes).set(failed, {
      ...s.changes.get(failed)!,
      error: 'Throttled',
    });
    const shape = (v: GridView) =>
      v.items.map((item, i) => {
        const st = v.staged.get(v.ids[i] as string);
        return {
          id: v.ids[i],
          item,
          status: st?.status,
          changed: st?.changed && [...st.changed],
          base: st?.base,
          error: st?.error,
        };
      });
    const same = merge(loadedOf(many), changes); // matched by identity
    const copies = merge(loadedOf(structuredClone(many)), changes); // matched by key
    expect(shape(same)).toEqual(shape(copies));
    const statuses = [...same.staged.values()].map((st) => st.status);
    expect(statuses.filter((st) => st === 'deleted')).toHaveLength(8);
    expect(statuses.filter((st) => st === 'changed')).toHaveLength(14);
    expect(shape(same).find((r) => r.error)?.id).toBe(
      failed.slice(failed.lastIndexOf('\u0000') + 1),
    );
    // One reloaded row among the originals (a changed one): still found, by key.
    const mixed = many.map((it, i) => (i === 3 ? structuredClone(it) : it));
    expect(shape(merge(loadedOf(mixed), changes))).toEqual(shape(same));
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
    const rows = loadedOf(many);
    const v = merge(rows, s.changes);
    expect(v.items).toHaveLength(100_000);
    expect(v.ids).toBe(rows.ids);
    expect(v.staged.size).toBe(10_000);
    expect(v.staged.get(rows.ids[5] as string)?.changed).toEqual(new Set(['v']));
    expect(v.items[5]).toEqual({ ...many[5], v: { S: 'x' } });
    expect(v.items[10_000]).toBe(many[10_000]);
  });
});

describe('rowPositions', () => {
  it('maps each row id to its index, once per ids array', () => {
    const ids = ['x', 'y', 'z'];
    expect(rowPositions(ids).get('z')).toBe(2);
    expect(rowPositions(ids)).toEqual(rowPositions(ids));
    expect(rowPositions(['z']).get('z')).toBe(0);
  });
});

describe('changedNames', () => {
  it('lists added, removed and changed attributes', () => {
    const before: Item = { a: { S: '1' }, b: { N: '1' }, c: { BOOL: true } };
    const after: Item = { a: { S: '1' }, b: { N: '1.0' }, d: { NULL: true } };
    expect([...changedNames(before, after)]).toEqual(['b', 'c', 'd']);
  });
});

describe('changedNames and __proto__', () => {
  const base: Item = JSON.parse('{"id":{"S":"1"},"a":{"S":"x"}}') as Item;
  const withProto: Item = JSON.parse(
    '{"id":{"S":"1"},"a":{"S":"x"},"__proto__":{"S":"p"}}',
  ) as Item;
  it('an own __proto__ added or removed is a changed name; an absent one on both sides is not', () => {
    expect([...changedNames(base, withProto)]).toEqual(['__proto__']);
    expect([...changedNames(withProto, base)]).toEqual(['__proto__']);
    expect([...changedNames(base, JSON.parse(JSON.stringify(base)) as Item)]).toEqual([]);
  });
});
