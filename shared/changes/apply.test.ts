import { describe, expect, it } from 'vitest';
import { applyEdit, applyEditWithPatch } from './apply';
import { canonicalKey } from '../dynamo/key';
import type { KeySchema } from '../dynamo/types';
import { CONN, TABLE, idOf, row, schema, schemas, target } from './testItems';
import { emptyStaging, tableRef } from './types';
import type { Edit, StagingState } from './types';

const a = row('a', '1', { name: { S: 'Ann' }, qty: { N: '1.0' } });
const b = row('b', '2', { name: { S: 'Bob' } });

function run(...edits: Edit[]): StagingState {
  return edits.reduce((s, e) => applyEdit(s, e, schemas), emptyStaging);
}

const set = (item: typeof a, name: string, value: (typeof a)[string], loaded = true): Edit => ({
  type: 'setAttribute',
  target: target(item, loaded),
  name,
  value,
});

describe('applyEdit', () => {
  it('stages an attribute edit of a loaded item as an update with its original', () => {
    const s = run(set(a, 'name', { S: 'Anna' }));
    expect(Object.fromEntries(s.changes)).toEqual({
      [idOf(a)]: {
        kind: 'update',
        connectionId: CONN,
        table: TABLE,
        key: { pk: { S: 'a' }, sk: { N: '1' } },
        original: a,
        item: { ...a, name: { S: 'Anna' } },
      },
    });
  });

  it('collapses several edits to one item into one change', () => {
    const s = run(
      set(a, 'name', { S: 'Anna' }),
      set(a, 'qty', { N: '2' }),
      { type: 'removeAttribute', target: target(a), name: 'name' },
      set(a, 'note', { S: 'hi' }),
    );
    expect([...s.changes.keys()]).toEqual([idOf(a)]);
    const c = s.changes.get(idOf(a));
    expect(c?.kind === 'update' && c.item).toEqual(
      row('a', '1', { qty: { N: '2' }, note: { S: 'hi' } }),
    );
  });

  it('un-stages an update that returns exactly to the original', () => {
    const s = run(set(a, 'name', { S: 'Anna' }), set(a, 'name', { S: 'Ann' }));
    expect(s.changes).toEqual(new Map());
  });

  it('compares numbers as stored: 1 is not the stored 1.0', () => {
    const s = run(set(a, 'qty', { N: '1' }));
    expect(s.changes.get(idOf(a))?.kind).toBe('update');
    expect(run(set(a, 'qty', { N: '1' }), set(a, 'qty', { N: '1.0' })).changes).toEqual(new Map());
  });

  it('treats set order as irrelevant when comparing with the original', () => {
    const t = row('t', '1', { tags: { SS: ['x', 'y'] } });
    expect(run(set(t, 'tags', { SS: ['y', 'x'] })).changes).toEqual(new Map());
  });

  it('stages a new item as a put, and cancels it when the new item is deleted', () => {
    const n = row('n', '9', { name: { S: 'New' } });
    const put: Edit = { type: 'putItem', connectionId: CONN, table: TABLE, item: n };
    const s = run(put);
    expect(s.changes.get(idOf(n))).toMatchObject({ kind: 'put', item: n, key: row('n', '9') });
    const edited = applyEdit(s, set(n, 'name', { S: 'Newer' }, false), schemas);
    expect(edited.changes.get(idOf(n))).toMatchObject({
      kind: 'put',
      item: { ...n, name: { S: 'Newer' } },
    });
    expect(
      applyEdit(edited, { type: 'deleteItem', target: target(n, false) }, schemas).changes,
    ).toEqual(new Map());
  });

  it('makes a put over a loaded item (original known) an update, or nothing when equal', () => {
    const replaced = row('a', '1', { name: { S: 'Other' } });
    const s = run({
      type: 'putItem',
      connectionId: CONN,
      table: TABLE,
      item: replaced,
      original: a,
    });
    expect(s.changes.get(idOf(a))).toMatchObject({ kind: 'update', original: a, item: replaced });
    expect(
      run({ type: 'putItem', connectionId: CONN, table: TABLE, item: a, original: a }).changes,
    ).toEqual(new Map());
  });

  it('turns a deleted staged update into a delete of the original image', () => {
    const s = run(set(a, 'name', { S: 'Anna' }), { type: 'deleteItem', target: target(a) });
    expect(s.changes.get(idOf(a))).toEqual({
      kind: 'delete',
      connectionId: CONN,
      table: TABLE,
      key: row('a', '1'),
      original: a,
    });
  });

  it('brings a deleted item back when it is edited, based on its original', () => {
    const s = run({ type: 'deleteItem', target: target(a) }, set(a, 'name', { S: 'Anna' }));
    expect(s.changes.get(idOf(a))).toMatchObject({
      kind: 'update',
      original: a,
      item: { ...a, name: { S: 'Anna' } },
    });
  });

  it('stages a key edit as a delete of the old key plus a put of the new one', () => {
    const s = run(set(a, 'sk', { N: '5' }));
    const moved = { ...a, sk: { N: '5' } };
    expect(Object.fromEntries(s.changes)).toEqual({
      [idOf(a)]: {
        kind: 'delete',
        connectionId: CONN,
        table: TABLE,
        key: row('a', '1'),
        original: a,
        after: idOf(moved),
      },
      [idOf(moved)]: {
        kind: 'put',
        connectionId: CONN,
        table: TABLE,
        key: row('a', '5'),
        item: moved,
      },
    });
    // Moving it back collapses to nothing: the put is cancelled and the delete becomes equal.
    const back = applyEdit(s, set(moved, 'sk', { N: '1' }, false), schemas);
    expect(back.changes).toEqual(new Map());
  });

  it('identifies items by canonical key: 1.0 and 1 are the same sort key', () => {
    const t = { ...target(a), key: row('a', '1.0') };
    const s = run({ type: 'setAttribute', target: t, name: 'name', value: { S: 'X' } });
    expect([...s.changes.keys()]).toEqual([idOf(a)]);
  });

  it('replaceItem stages a whole new image, moving it when the key changes', () => {
    const img = row('a', '1', { other: { BOOL: true } });
    expect(
      run({ type: 'replaceItem', target: target(a), item: img }).changes.get(idOf(a)),
    ).toMatchObject({
      kind: 'update',
      item: img,
    });
    const moved = row('z', '1');
    const s = run({ type: 'replaceItem', target: target(a), item: moved });
    expect(s.changes.get(idOf(a))?.kind).toBe('delete');
    expect(s.changes.get(idOf(moved))?.kind).toBe('put');
    // The old item is deleted only once the item at the new key is written.
    expect(s.changes.get(idOf(a))).toMatchObject({ after: idOf(moved) });
  });

  it('deleteItem with after links the delete to that put', () => {
    const s = run({ type: 'deleteItem', target: target(a), after: 'the-put' });
    expect(s.changes.get(idOf(a))).toMatchObject({ kind: 'delete', after: 'the-put' });
    expect(run({ type: 'deleteItem', target: target(a) }).changes.get(idOf(a))).not.toHaveProperty(
      'after',
    );
  });

  it('ignores edits that would lose the key or touch unknown items', () => {
    const before = run(set(a, 'name', { S: 'Anna' }));
    const noKey = applyEdit(
      before,
      { type: 'removeAttribute', target: target(a), name: 'pk' },
      schemas,
    );
    expect(noKey).toBe(before);
    const unknown = applyEdit(before, set(b, 'name', { S: 'x' }, false), schemas);
    expect(unknown).toBe(before);
    expect(applyEdit(before, { type: 'deleteItem', target: target(b, false) }, schemas)).toBe(
      before,
    );
  });

  it('reverts one attribute, or a whole item', () => {
    const s = run(
      set(a, 'name', { S: 'Anna' }),
      set(a, 'qty', { N: '3' }),
      set(a, 'x', { S: 'new' }),
    );
    const r1 = applyEdit(s, { type: 'revertAttribute', target: target(a), name: 'name' }, schemas);
    const c1 = r1.changes.get(idOf(a));
    expect(c1?.kind === 'update' && c1.item).toEqual({ ...a, qty: { N: '3' }, x: { S: 'new' } });
    const r2 = applyEdit(r1, { type: 'revertAttribute', target: target(a), name: 'x' }, schemas);
    const r3 = applyEdit(r2, { type: 'revertAttribute', target: target(a), name: 'qty' }, schemas);
    expect(r3.changes).toEqual(new Map());
    expect(applyEdit(s, { type: 'revertItem', target: target(a) }, schemas).changes).toEqual(
      new Map(),
    );
  });

  it('reverts all changes, or only those of one table', () => {
    const other = 'Other';
    const withOther = { ...schemas, [tableRef(CONN, other)]: schemas[tableRef(CONN, TABLE)]! };
    let s = run(set(a, 'name', { S: 'A' }), set(b, 'name', { S: 'B' }));
    s = applyEdit(
      s,
      { type: 'putItem', connectionId: CONN, table: other, item: row('o', '1') },
      withOther,
    );
    expect([...s.changes.keys()]).toHaveLength(3);
    const scoped = applyEdit(s, { type: 'revertAll', connectionId: CONN, table: TABLE }, withOther);
    expect([...scoped.changes.values()].map((c) => c.table)).toEqual([other]);
    expect(applyEdit(s, { type: 'revertAll' }, withOther).changes).toEqual(new Map());
  });

  it('clears a failed commit reason when the change is edited again', () => {
    const s = run(set(a, 'name', { S: 'Anna' }));
    const c = s.changes.get(idOf(a))!;
    const failed: StagingState = {
      changes: new Map([[idOf(a), { ...c, error: 'ValidationException' }]]),
    };
    expect(
      applyEdit(failed, set(a, 'name', { S: 'Anne' }), schemas).changes.get(idOf(a))?.error,
    ).toBeUndefined();
  });

  it('applies a batch as one step, copying the changes record once, and patches only touched ids', () => {
    const s = run(set(b, 'name', { S: 'Bee' }));
    const { state, patch } = applyEditWithPatch(
      s,
      {
        type: 'batch',
        edits: [
          set(a, 'name', { S: 'x' }),
          set(a, 'name', { S: 'y' }),
          { type: 'putItem', connectionId: CONN, table: TABLE, item: row('n', '1') },
          { type: 'deleteItem', target: target(row('n', '1'), false) },
        ],
      },
      schemas,
    );
    expect(state.changes.get(idOf(b))).toBe(s.changes.get(idOf(b))); // untouched change is shared
    expect(patch.entries.map((e) => e.id)).toEqual([idOf(a)]); // the cancelled put left no trace
    expect(patch.entries[0]?.before).toBeUndefined();
    expect(patch.entries[0]?.after).toBe(state.changes.get(idOf(a)));
  });

  it('returns the same state object for an edit that changes nothing', () => {
    const s = run(set(a, 'name', { S: 'Anna' }));
    expect(applyEdit(s, set(a, 'name', { S: 'Anna' }), schemas)).toBe(s);
  });

  it("files an edit under the target's key id when it was made with the table's key schema", () => {
    const withId = (schema: KeySchema, id: string): Edit => ({
      type: 'setAttribute',
      target: { ...target(a), keyId: { schema, id } },
      name: 'name',
      value: { S: 'Anna' },
    });
    const same = structuredClone(schema); // an equal schema, not the same object
    const key = canonicalKey(a, schema);
    expect([...run(withId(same, key)).changes.keys()]).toEqual([idOf(a)]);
    // The key id is taken as given (the caller vouches for it), not recomputed.
    const told = '["S:told","N:1"]';
    expect([...run(withId(schema, told)).changes.keys()]).toEqual([
      tableRef(CONN, TABLE) + '\u0000' + told,
    ]);
    // Staged by key id or by the key's values: one change.
    expect(run(withId(schema, key), set(a, 'qty', { N: '2' })).changes.size).toBe(1);
    // Made with another key schema: the key's values decide.
    const other: KeySchema = { partitionKey: { name: 'name', type: 'S' } };
    expect([...run(withId(other, 'x')).changes.keys()]).toEqual([idOf(a)]);
  });

  it('throws for a table without a key schema (a caller bug, not user input)', () => {
    const e: Edit = { type: 'putItem', connectionId: CONN, table: 'Nope', item: a };
    expect(() => applyEdit(emptyStaging, e, schemas)).toThrow(/No key schema for table Nope/);
  });

  it('sets an attribute named __proto__ as an attribute (the prototype stays)', () => {
    const s = run(set(a, '__proto__', { S: 'p' }));
    const item = (s.changes.get(idOf(a)) as { item: Record<string, unknown> }).item;
    expect(Object.prototype.hasOwnProperty.call(item, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(JSON.stringify(item)).toContain('"__proto__":{"S":"p"}');
  });
});
