import { batch, createAtom } from '@tanstack/react-store';
import { constructTable, createCoreRowModel, tableFeatures } from '@tanstack/table-core';
import { renderPhaseReactivity } from '@tanstack/table-core/reactivity';
import { expect, test, vi } from 'vitest';
import { IdPositions } from '../../../../../shared/changes/idPositions';
import type { Item } from '../../../../../shared/dynamo/types';
import { createSharedCoreRowModel, type ShareStats } from './sharedRowModel';
import { addRows, emptyIndex } from '../../../stores/loadedRows';
import { rowLookupOf } from './rowsById';

function table(core: ReturnType<typeof createSharedCoreRowModel> | ReturnType<typeof createCoreRowModel>) {
  const features = tableFeatures({
    coreReactivityFeature: renderPhaseReactivity({ createAtom, batch }),
    coreRowModel: core as never,
  });
  let ids: string[] = [];
  let idCalls = 0;
  const t = constructTable({
    features,
    columns: [{ id: 'id', accessorFn: (i: Item) => i.id }],
    data: [] as Item[],
    getRowId: (_: Item, i: number) => {
      idCalls++;
      return ids[i] ?? `#${i}`;
    },
  } as never) as unknown as {
    setOptions(u: (p: object) => object): void;
    getCoreRowModel(): { rows: { id: string; original: Item; index: number }[]; rowsById: Record<string, unknown> };
  };
  return {
    rows(items: Item[], nextIds: string[]) {
      ids = nextIds;
      t.setOptions((p) => ({ ...p, data: items }));
      return t.getCoreRowModel();
    },
    idCalls: () => idCalls,
  };
}

const N = 1000;
const items: Item[] = Array.from({ length: N }, (_, i) => ({ id: { S: `r${i}` } }));
const ids = items.map((_, i) => `r${i}`);

test('after a tenth of the items are replaced (a bulk edit) and put back (its undo), only those rows are new Row objects', () => {
  const stats: ShareStats[] = [];
  const t = table(createSharedCoreRowModel((s) => stats.push(s)));
  const first = t.rows(items, ids);
  expect(first.rows).toHaveLength(N);
  const edited = items.map((it, i) => (i % 10 === 3 ? { ...it, status: { S: 'bulk' } } : it));
  const second = t.rows(edited, ids);
  expect(stats.at(-1)).toEqual({ constructed: N / 10, keptLookup: true });
  let same = 0;
  second.rows.forEach((r, i) => {
    expect(r.id).toBe(ids[i]);
    expect(r.index).toBe(i);
    expect(r.original).toBe(edited[i]);
    expect(second.rowsById[r.id]).toBe(r);
    if (r === first.rows[i]) same++;
  });
  expect(same).toBe(N - N / 10);
  const undone = t.rows(items, ids);
  expect(stats.at(-1)!.constructed).toBe(N / 10);
  undone.rows.forEach((r, i) => expect(r.original).toBe(items[i]));
});

test('rows appended (staged puts) or removed: ids and lookup stay right', () => {
  const t = table(createSharedCoreRowModel());
  t.rows(items, ids);
  const more = [...items, { id: { S: 'new' } }];
  const m = t.rows(more, [...ids, 'new']);
  expect(m.rows).toHaveLength(N + 1);
  expect(m.rowsById.new).toBe(m.rows[N]);
  const fewer = t.rows(items.slice(1), ids.slice(1));
  expect(fewer.rows[0]!.id).toBe('r1');
  expect(fewer.rows[0]!.index).toBe(0);
  expect(fewer.rowsById.r0).toBeUndefined();
  expect(fewer.rowsById.r1).toBe(fewer.rows[0]);
});

test('the stock core row model makes every row again (what the shared one avoids)', () => {
  const t = table(createCoreRowModel());
  const first = t.rows(items, ids);
  const edited = items.map((it, i) => (i % 10 === 3 ? { ...it, status: { S: 'bulk' } } : it));
  const second = t.rows(edited, ids);
  expect(second.rows.filter((r, i) => r === first.rows[i])).toHaveLength(0);
});

test('pages appended by a load: only the new rows are constructed and the id lookup is extended in place', () => {
  const stats: ShareStats[] = [];
  const t = table(createSharedCoreRowModel((s) => stats.push(s)));
  const first = t.rows(items.slice(0, 400), ids.slice(0, 400));
  const lookup = first.rowsById;
  const next = t.rows(items, ids);
  expect(stats.at(-1)).toEqual({ constructed: N - 400, keptLookup: true });
  // The positions behind the lookup were extended; the first model still finds only its rows.
  expect(lookup[ids[401]!]).toBeUndefined();
  expect(lookup[ids[399]!]).toBe(first.rows[399]);
  next.rows.forEach((r, i) => {
    expect(r.index).toBe(i);
    expect(next.rowsById[r.id]).toBe(r);
    if (i < 400) expect(r).toBe(first.rows[i]);
  });
  // The tail changed (a staged put that followed the loaded rows is now after the new page).
  const put = { id: { S: 'put' } };
  t.rows([...items.slice(0, 500), put], [...ids.slice(0, 500), 'put']);
  const moved = t.rows([...items, put], [...ids, 'put']);
  expect(stats.at(-1)!.keptLookup).toBe(false);
  expect(moved.rowsById.put).toBe(moved.rows[N]);
  expect(moved.rowsById[ids[500]!]).toBe(moved.rows[500]);
  expect(Object.keys(moved.rowsById)).toHaveLength(N + 1);
});

test('rows carry no value caches of their own until a cell of theirs is read (1,000,000 loaded rows)', () => {
  const t = table(createSharedCoreRowModel());
  const m = t.rows(items, ids) as unknown as {
    rows: (Record<string, unknown> & { getValue(c: string): unknown; getUniqueValues(c: string): unknown })[];
  };
  const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const unread = m.rows.slice(1).filter((r) => !hasOwn(r, '_valuesCache') && !hasOwn(r, '_uniqueValuesCache'));
  expect(unread).toHaveLength(N - 1);
  const row = m.rows[7]!;
  expect(row.getValue('id')).toEqual({ S: 'r7' });
  expect(hasOwn(row, '_valuesCache')).toBe(true);
  expect(row._valuesCache).toEqual({ id: { S: 'r7' } });
  expect(row.getUniqueValues('id')).toEqual([{ S: 'r7' }]);
  // Another row's cache is its own.
  expect(m.rows[8]!.getValue('id')).toEqual({ S: 'r8' });
  expect(row._valuesCache).toEqual({ id: { S: 'r7' } });
  row._valuesCache = Object.create(null);
  expect(row.getValue('id')).toEqual({ S: 'r7' });
  expect(m.rows[9]!.id).toBe('r9');
  expect(m.rows[9]!.index).toBe(9);
  expect(m.rows[9]!.depth).toBe(0);
  expect(m.rows[9]!.subRows).toEqual([]);
});

test('a page appended by the items store: the rows before it are not looked at again', () => {
  const schema = { partitionKey: { name: 'id', type: 'S' as const } };
  const index = emptyIndex(schema);
  const start = { items: [] as Item[], ids: [] as string[], columns: ['id'] };
  const one = addRows(start, index, items.slice(0, 600), schema);
  const stats: ShareStats[] = [];
  const t = table(createSharedCoreRowModel((s) => stats.push(s)));
  const first = t.rows(one.items, one.ids);
  const firstRows = [...first.rows];
  const two = addRows(one, index, items.slice(600), schema);
  const before = t.idCalls();
  const next = t.rows(two.items, two.ids);
  expect(t.idCalls() - before).toBe(N - 600);
  expect(stats.at(-1)).toEqual({ constructed: N - 600, keptLookup: true });
  next.rows.forEach((r, i) => {
    expect(r.index).toBe(i);
    expect(r.id).toBe(two.ids[i]);
    expect(r.original).toBe(two.items[i]);
    expect(next.rowsById[r.id]).toBe(r);
    if (i < 600) expect(r).toBe(firstRows[i]);
  });
  // A page that read a loaded key again replaces a row: every row is looked at.
  const again = addRows(two, index, [{ id: { S: 'r5' }, x: { S: 'again' } }], schema);
  const third = t.rows(again.items, again.ids);
  expect(third.rows[5]!.original).toBe(again.items[5]);
  expect(third.rowsById[again.ids[5]!]).toBe(third.rows[5]);
});

test('pages appended while the grid did not render (two appends, one render): only the new rows are made', () => {
  const schema = { partitionKey: { name: 'id', type: 'S' as const } };
  const index = emptyIndex(schema);
  const start = { items: [] as Item[], ids: [] as string[], columns: ['id'] };
  const one = addRows(start, index, items.slice(0, 400), schema);
  const stats: ShareStats[] = [];
  const t = table(createSharedCoreRowModel((s) => stats.push(s)));
  const first = t.rows(one.items, one.ids);
  const firstRows = [...first.rows];
  const two = addRows(one, index, items.slice(400, 700), schema);
  const three = addRows(two, index, items.slice(700), schema);
  const before = t.idCalls();
  const next = t.rows(three.items, three.ids);
  expect(t.idCalls() - before).toBe(N - 400);
  expect(stats.at(-1)).toEqual({ constructed: N - 400, keptLookup: true });
  next.rows.forEach((r, i) => {
    expect(r.id).toBe(three.ids[i]);
    expect(r.original).toBe(three.items[i]);
    expect(next.rowsById[r.id]).toBe(r);
    if (i < 400) expect(r).toBe(firstRows[i]);
  });
});

test('the rows by id are found through positions extended in place as pages append: no record keyed by row id', () => {
  const t = table(createSharedCoreRowModel());
  const index = emptyIndex({ partitionKey: { name: 'id', type: 'S' } });
  const a = addRows({ items: [] as Item[], ids: [] as string[], columns: [] as string[] }, index, items.slice(0, 500), index.keySchema);
  const first = t.rows(a.items, a.ids);
  const lookup = rowLookupOf(first.rowsById);
  expect(lookup?.(a.ids[499]!)).toBe(first.rows[499]);
  const b = addRows(a, index, items.slice(500), index.keySchema);
  const appended = t.rows(b.items, b.ids);
  expect(rowLookupOf(appended.rowsById)?.(b.ids[N - 1]!)).toBe(appended.rows[N - 1]);
  // The first model's rows do not reach the appended ones.
  expect(lookup?.(b.ids[N - 1]!)).toBeUndefined();
  expect(Object.getOwnPropertyNames(appended.rowsById)).toHaveLength(N);
});

test('while pages append and nothing looks a row up by id, no id is hashed; the first lookup takes them all', () => {
  const set = vi.spyOn(IdPositions.prototype, 'set');
  try {
    const t = table(createSharedCoreRowModel());
    const index = emptyIndex({ partitionKey: { name: 'id', type: 'S' } });
    let rows = { items: [] as Item[], ids: [] as string[], columns: [] as string[] };
    let model = t.rows(rows.items, rows.ids);
    for (let at = 0; at < N; at += 250) {
      rows = addRows(rows, index, items.slice(at, at + 250), index.keySchema);
      set.mockClear(); // the items store's own positions
      model = t.rows(rows.items, rows.ids);
      expect(set).not.toHaveBeenCalled();
    }
    expect(model.rowsById[rows.ids[N - 1]!]).toBe(model.rows[N - 1]);
    expect(set).toHaveBeenCalledTimes(N);
  } finally {
    set.mockRestore();
  }
});

test('a load growing the data array in place: the next model has the new rows, made alone, and the old model knows only its own', () => {
  const schema = { partitionKey: { name: 'id', type: 'S' as const } };
  const index = emptyIndex(schema);
  const start = { items: [] as Item[], ids: [] as string[], columns: ['id'] };
  const one = addRows(start, index, items.slice(0, 300), schema);
  const stats: ShareStats[] = [];
  const t = table(createSharedCoreRowModel((s) => stats.push(s)));
  const first = t.rows(one.items, one.ids);
  expect(first.rows).toHaveLength(300);
  const two = addRows(one, index, items.slice(300), schema);
  expect(two.items).toBe(one.items); // the same array, grown
  const next = t.rows(two.items, two.ids);
  expect(next).not.toBe(first);
  expect(next.rows).toHaveLength(N);
  expect(stats.at(-1)).toEqual({ constructed: N - 300, keptLookup: true });
  expect(next.rowsById[two.ids[N - 1]!]).toBe(next.rows[N - 1]);
  // The first model's lookup answers for its own 300 rows only.
  expect(first.rowsById[two.ids[N - 1]!]).toBeUndefined();
  expect(first.rowsById[two.ids[299]!]).toBe(next.rows[299]);
  expect(Object.keys(first.rowsById)).toHaveLength(300);
});
