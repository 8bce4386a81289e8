import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../../shared/dynamo/key';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { addRows, appendedTo, emptyIndex, indexOf } from './loadedRows';
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

  it('gives an item without its key a row of its own', () => {
    const index = emptyIndex(schema);
    const rows = addRows(noRows(), index, [{}, {}], schema);
    expect(rows.items).toHaveLength(2);
    expect(new Set(rows.ids).size).toBe(2);
    expect(rows.ids.every((id) => !id.startsWith('['))).toBe(true);
  });
});

describe('appendedTo', () => {
  it('links an items array to the one it extends, and only that one: earlier arrays are not kept alive', () => {
    const index = emptyIndex(schema);
    const one = addRows(noRows(), index, [item('a')], schema);
    const two = addRows(one, index, [item('b')], schema);
    const three = addRows(two, index, [item('c')], schema);
    expect(appendedTo(three.items)).toBe(two.items);
    // A chain (three -> two -> one -> ...) kept every array of a load alive through the WeakMap's
    // values: at 1,000,000 rows, hundreds of MB, and one ephemeron round per link in each major GC.
    expect(appendedTo(two.items)).toBeUndefined();
    expect(appendedTo(one.items)).toBeUndefined();
  });
});
