import { describe, expect, it, vi } from 'vitest';
import { canonicalKey } from '../../../shared/dynamo/key';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { addRows, emptyIndex, enterAhead, extendsRows, indexOf } from './loadedRows';
import type { LoadedRowsState } from './loadedRows';

const schema: KeySchema = { partitionKey: { name: 'pk', type: 'S' } };
const item = (pk: string, extra: Item = {}): Item => ({ pk: { S: pk }, ...extra });
const noRows = (): LoadedRowsState => ({ items: [], ids: [], columns: ['pk'] });

describe('addRows', () => {
  it('appends new rows, replaces a loaded key in place, and adds new columns once', () => {
    const index = emptyIndex(schema);
    const a = item('a', { n: { N: '1' } });
    const b = item('b');
    const one = addRows(noRows(), index, [a, b], schema);
    expect(one.ids).toEqual([canonicalKey(a, schema), canonicalKey(b, schema)]);
    expect(one.columns).toEqual(['pk', 'n']);
    const a2 = item('a', { m: { S: 'x' } });
    const two = addRows(one, index, [a2, item('c')], schema);
    expect(two.items).toEqual([a2, b, item('c')]);
    expect(two.columns).toEqual(['pk', 'n', 'm']);
    expect(one.items).toEqual([a, b]); // the earlier arrays are left alone
    expect(index.rowOf.get(canonicalKey(item('c'), schema))).toBe(2);
    expect(indexOf(two, schema).rowOf).toEqual(index.rowOf);
  });

  it('with the row ids made as the items arrived: the same rows, and those ids are the ones used', () => {
    const pages = [
      [item('a', { n: { N: '1' } }), item('b')],
      [item('a', { m: { S: 'x' } }), item('c'), item('c', { z: { BOOL: true } })],
    ];
    const idsOf = (page: Item[]) => page.map((i) => canonicalKey(i, schema));
    let plain = noRows();
    let given = noRows();
    const plainIndex = emptyIndex(schema);
    const givenIndex = emptyIndex(schema);
    for (const page of pages) {
      plain = addRows(plain, plainIndex, page, schema);
      given = addRows(given, givenIndex, page, schema, idsOf(page));
      expect(given).toEqual(plain);
    }
    // Ids given are taken as they are, not built again from the items.
    const tagged = addRows(noRows(), emptyIndex(schema), [item('q')], schema, ['given-id']);
    expect(tagged.ids).toEqual(['given-id']);
  });

  it('gives an item without its key a row of its own', () => {
    const index = emptyIndex(schema);
    const rows = addRows(noRows(), index, [{}, {}], schema);
    expect(rows.items).toHaveLength(2);
    expect(new Set(rows.ids).size).toBe(2);
    expect(rows.ids.every((id) => !id.startsWith('['))).toBe(true);
  });
});

describe("ids entered ahead of their rows (a Load all's pages as they arrive)", () => {
  const idsOf = (page: Item[]) => page.map((i) => canonicalKey(i, schema));
  const page = (from: number, n: number, extra: Item = {}) =>
    Array.from({ length: n }, (_, i) => item(`r${from + i}`, extra));

  /** The rows and positions of `pages` added one by one, each entered ahead first (or not). */
  function load(
    pages: Item[][],
    ahead: boolean,
    between?: (rows: LoadedRowsState, index: ReturnType<typeof emptyIndex>) => LoadedRowsState,
  ) {
    const index = emptyIndex(schema);
    let rows = noRows();
    if (ahead) for (const p of pages) enterAhead(index, 0, idsOf(p));
    rows = between ? between(rows, index) : rows;
    for (const p of pages) rows = addRows(rows, index, p, schema, idsOf(p));
    return { rows, index };
  }

  it('are found before the rows come, past them; the hand-over then probes nothing', () => {
    const pages = [page(0, 3), page(3, 2, { n: { N: '1' } })];
    const index = emptyIndex(schema);
    enterAhead(index, 0, idsOf(pages[0]!));
    enterAhead(index, 0, idsOf(pages[1]!));
    expect(index.rowOf.get(canonicalKey(item('r4'), schema))).toBe(4);
    const probe = vi.spyOn(index.rowOf, 'setIfAbsent');
    let rows = addRows(noRows(), index, pages[0]!, schema, idsOf(pages[0]!));
    rows = addRows(rows, index, pages[1]!, schema, idsOf(pages[1]!));
    expect(probe).not.toHaveBeenCalled();
    const plain = load(pages, false);
    expect(rows).toEqual(plain.rows);
    expect(index.rowOf).toEqual(plain.index.rowOf);
    expect(rows.columns).toEqual(['pk', 'n']);
  });

  it('a key read twice among them: the row is replaced in place, as without them', () => {
    const pages = [page(0, 3), [item('r1', { again: { BOOL: true } }), item('r9')]];
    const withAhead = load(pages, true);
    const plain = load(pages, false);
    expect(withAhead.rows).toEqual(plain.rows);
    expect(withAhead.rows.items).toHaveLength(4);
    expect(withAhead.index.rowOf).toEqual(plain.index.rowOf);
  });

  it('once every row entered ahead is handed over, a later append (a refresh) keeps the index', () => {
    const pages = [page(0, 3), page(3, 2)];
    const { rows, index } = load(pages, true);
    const kept = index.rowOf;
    const after = addRows(
      rows,
      index,
      [item('r1', { refreshed: { BOOL: true } }), item('new')],
      schema,
    );
    expect(index.rowOf).toBe(kept); // not rebuilt from every row
    expect(after.ids).toHaveLength(6);
    for (const [i, id] of after.ids.entries()) expect(index.rowOf.get(id)).toBe(i);
  });

  it('rows added in between (a refresh while loading) leave every row at its true position', () => {
    const pages = [page(0, 3), page(3, 3)];
    const refresh = (rows: LoadedRowsState, index: ReturnType<typeof emptyIndex>) =>
      addRows(rows, index, [item('x'), item('r4', { refreshed: { BOOL: true } })], schema);
    const withAhead = load(pages, true, refresh);
    const plain = load(pages, false, refresh);
    expect(withAhead.rows).toEqual(plain.rows);
    for (const [i, id] of withAhead.rows.ids.entries())
      expect(withAhead.index.rowOf.get(id)).toBe(i);
    expect(withAhead.rows.ids).toHaveLength(7);
  });
});

describe('appends in place', () => {
  it('rows only appended go onto the same items and ids arrays; the rows object is new', () => {
    const index = emptyIndex(schema);
    const one = addRows(noRows(), index, [item('a'), item('b')], schema);
    const { items, ids } = one;
    const two = addRows(one, index, [item('c')], schema);
    expect(two).not.toBe(one);
    expect(two.items).toBe(items);
    expect(two.ids).toBe(ids);
    expect(items.map((i) => i.pk)).toEqual([{ S: 'a' }, { S: 'b' }, { S: 'c' }]);
    expect(ids).toHaveLength(3);
    expect(index.items).toBe(items);
  });

  it('a row read again at a loaded position makes new arrays and leaves the old ones as they were', () => {
    const index = emptyIndex(schema);
    const one = addRows(noRows(), index, [item('a'), item('b')], schema);
    const before = [...one.items];
    const two = addRows(one, index, [item('b', { n: { N: '1' } }), item('c')], schema);
    expect(two.items).not.toBe(one.items);
    expect(two.ids).not.toBe(one.ids);
    expect(one.items).toEqual(before);
    expect(two.items[1]).toEqual(item('b', { n: { N: '1' } }));
    expect(two.items).toHaveLength(3);
  });
});

describe('extendsRows', () => {
  it('holds across any number of appends (given the length read before), and not across a row read again', () => {
    const index = emptyIndex(schema);
    const one = addRows(noRows(), index, [item('a')], schema);
    const oneLength = one.items.length;
    const two = addRows(one, index, [item('b')], schema);
    const twoLength = two.items.length;
    const three = addRows(two, index, [item('c')], schema);
    expect(extendsRows(three.items, two.items, twoLength)).toBe(true);
    expect(extendsRows(three.items, one.items, oneLength)).toBe(true); // a render may skip a page
    expect(extendsRows(three.items, three.items)).toBe(true); // nothing appended since
    const four = addRows(three, index, [item('b', { n: { N: '1' } })], schema); // b read again
    expect(extendsRows(four.items, three.items)).toBe(false);
    const fourLength = four.items.length;
    const five = addRows(four, index, [item('d')], schema);
    expect(extendsRows(five.items, four.items, fourLength)).toBe(true);
    expect(extendsRows(five.items, three.items)).toBe(false);
    expect(extendsRows([...five.items], five.items)).toBe(false); // not made by addRows
    // A length past the array's (rows removed since) is not an extension.
    expect(extendsRows(five.items, five.items, five.items.length + 1)).toBe(false);
  });
});
