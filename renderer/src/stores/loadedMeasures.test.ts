import { describe, expect, it } from 'vitest';
import { Measurer, measureItemUncached, type ItemMeasure } from '../../../shared/dynamo/measure';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { loadedMeasureStore } from './loadedMeasures';
import { addRows, emptyIndex, positionOf, type LoadedRowsState } from './loadedRows';

const figures = (m: ItemMeasure | null) => m && { size: m.size, jsonBytes: m.jsonBytes };
const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const item = (pk: string, sk: string, extra: Item = {}): Item => ({
  pk: { S: pk },
  sk: { N: sk },
  ...extra,
});
const noRows = (): LoadedRowsState => ({ items: [], ids: [], columns: ['pk', 'sk'] });

function loaded(items: Item[]) {
  const index = emptyIndex(schema);
  const rows = addRows(noRows(), index, items, schema);
  const measurer = new Measurer();
  measurer.useStore(loadedMeasureStore(() => [index]));
  return { index, rows, measurer };
}

describe('measurements of loaded rows', () => {
  it('are kept by row position in the index, not by the measurer', () => {
    const a = item('a', '1', { note: { S: 'hello' } });
    const b = item('b', '2', { __proto__: { S: 'kept' } } as Item);
    const { index, measurer } = loaded([a, b]);
    expect(figures(measurer.measureItem(b))).toEqual(measureItemUncached(b));
    expect(index.measures.has(1)).toBe(true);
    expect(index.measures.has(0)).toBe(false);
    expect(measurer.isMeasured(a)).toBe(false);
    index.measures.set(0, { size: 1, jsonBytes: 2, count: 3 }); // what the idle measuring writes
    expect(measurer.isMeasured(a)).toBe(true);
    expect(figures(measurer.measureItem(a))).toEqual({ size: 1, jsonBytes: 2 });
  });

  it('answer only for the loaded object itself: an equal copy or an edited image is measured apart', () => {
    const a = item('a', '1', { n: { N: '5' } });
    const { index, measurer } = loaded([a]);
    const copy = item('a', '1', { n: { N: '5' } });
    expect(positionOf(index, copy)).toBe(-1);
    expect(figures(measurer.measureItem(copy))).toEqual(measureItemUncached(copy));
    expect(index.measures.has(0)).toBe(false);
    const image = { ...a, n: { N: '123456' } };
    expect(figures(measurer.measureItem(image, a))).toEqual(measureItemUncached(image));
    expect(index.measures.get(0)).toEqual({ ...measureItemUncached(a), count: 2 + 1 });
  });

  it('of a row read again are forgotten: the new item is measured, not given the old figures', () => {
    const a = item('a', '1', { n: { N: '5' } });
    const { index, rows, measurer } = loaded([a, item('b', '1')]);
    measurer.measureItem(a);
    const again = item('a', '1', { n: { N: '5' }, more: { S: 'x'.repeat(100) } });
    addRows(rows, index, [again], schema);
    expect(positionOf(index, again)).toBe(0);
    expect(positionOf(index, a)).toBe(-1);
    expect(index.measures.has(0)).toBe(false);
    expect(figures(measurer.measureItem(again))).toEqual(measureItemUncached(again));
  });

  it('of an item without its key fall back to the measurer', () => {
    const { measurer } = loaded([{ x: { S: 'no key' } }]);
    const keyless: Item = { x: { S: 'no key' } };
    expect(figures(measurer.measureItem(keyless))).toEqual(measureItemUncached(keyless));
    expect(measurer.isMeasured(keyless)).toBe(true);
  });
});

describe('finding the originals of an edit', () => {
  /** Rows whose partition key counts its reads: a measuring walk reads it once, a key lookup twice. */
  function counted(n: number) {
    const state = { reads: 0 };
    const items = Array.from({ length: n }, (_, i) => {
      const row = item(`r${i}`, '1', { n: { N: String(i) } });
      const pk = row.pk;
      return Object.defineProperty(row, 'pk', {
        enumerable: true,
        get: () => {
          state.reads++;
          return pk;
        },
      });
    });
    const { index, measurer } = loaded(items);
    /** Measures `rows` through the store; the reads of pk that took, and the figures. */
    const measure = (rows: Item[]) => {
      const want = rows.map(measureItemUncached);
      state.reads = 0;
      const got = rows.map((r) => figures(measurer.measureItem(r)));
      expect(got).toEqual(want);
      return state.reads;
    };
    return { items, index, measurer, measure, reads: () => state.reads };
  }

  it('in row order, every tenth row: found by identity after the first, no key built', () => {
    const { items, measure } = counted(200);
    const every10 = items.filter((_, i) => i % 10 === 3);
    // One walk per row; one key lookup, for the first row only.
    expect(measure(every10)).toBe(every10.length + 2);
  });

  it('in another order, or past the rows compared: looked up by key, same answers', () => {
    const { items, index, measurer, measure, reads } = counted(200);
    const scattered = [items[150]!, items[100]!, items[3]!, items[199]!];
    expect(measure(scattered)).toBe(scattered.length * 3);
    expect([150, 100, 3, 199].every((at) => index.measures.has(at))).toBe(true);
    // A miss (an item not loaded) keeps the place: the row after the last one found is found by
    // identity, its figures remembered at its position.
    measurer.measureItem(item('zz', '9'));
    measure([items[198]!]); // looked up by key (behind the place)
    const before = reads();
    measurer.itemSize(items[199]!);
    expect(reads()).toBe(before);
  });
});

describe('the place kept between finds', () => {
  it('is dropped once its rows are no longer loaded: a row of them is not found there', () => {
    const a = item('a', '1');
    const b = item('b', '1');
    const live = { indexes: [] as ReturnType<typeof emptyIndex>[] };
    const index = emptyIndex(schema);
    addRows(noRows(), index, [a, b], schema);
    live.indexes = [index];
    const measurer = new Measurer();
    measurer.useStore(loadedMeasureStore(() => live.indexes));
    measurer.measureItem(a);
    expect(index.measures.has(0)).toBe(true);
    // The table is read again: a new index, without these rows.
    live.indexes = [emptyIndex(schema)];
    measurer.measureItem(b);
    expect(index.measures.has(1)).toBe(false);
  });
});
