import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../../shared/dynamo/key';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { addRows, emptyIndex, extendsRows, indexOf } from './loadedRows';
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

describe('extendsRows', () => {
  it('holds across any number of appends, and not across a row read again', () => {
    const index = emptyIndex(schema);
    const one = addRows(noRows(), index, [item('a')], schema);
    const two = addRows(one, index, [item('b')], schema);
    const three = addRows(two, index, [item('c')], schema);
    expect(extendsRows(three.items, two.items)).toBe(true);
    expect(extendsRows(three.items, one.items)).toBe(true); // a render may skip a page
    expect(extendsRows(one.items, three.items)).toBe(false);
    const four = addRows(three, index, [item('b', { n: { N: '1' } })], schema); // b read again
    expect(extendsRows(four.items, three.items)).toBe(false);
    const five = addRows(four, index, [item('d')], schema);
    expect(extendsRows(five.items, four.items)).toBe(true);
    expect(extendsRows(five.items, three.items)).toBe(false);
    expect(extendsRows([...five.items], five.items)).toBe(false); // not made by addRows
  });
});
