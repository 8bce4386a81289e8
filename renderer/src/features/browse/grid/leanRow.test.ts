import { batch, createAtom } from '@tanstack/react-store';
import { columnFilteringFeature, constructTable, tableFeatures } from '@tanstack/table-core';
import { renderPhaseReactivity } from '@tanstack/table-core/reactivity';
import { expect, test } from 'vitest';
import type { Item } from '../../../../../shared/dynamo/types';
import { leanRowMaker } from './leanRow';

function maker() {
  const features = tableFeatures({
    coreReactivityFeature: renderPhaseReactivity({ createAtom, batch }),
    columnFilteringFeature,
  });
  const t = constructTable({
    features,
    columns: [{ id: 'id', accessorFn: (i: Item) => i.id }],
    data: [] as Item[],
  } as never);
  return leanRowMaker(t);
}

type Loose = Record<string, unknown>;
const own = (row: object, name: string) => Object.prototype.hasOwnProperty.call(row, name);

test('rows own no per-row maps until one is used, and share one empty subRows array', () => {
  const make = maker();
  make('first', { id: { S: 'a' } }, 0); // the first row comes from TanStack itself
  const a = make('a', { id: { S: 'a' } }, 1) as unknown as Loose;
  const b = make('b', { id: { S: 'b' } }, 2) as unknown as Loose;
  // The column filtering feature's two maps per row (and the two value caches) are made on first
  // use: 1,000,000 loaded rows do not carry 4,000,000 empty dictionaries.
  for (const name of ['columnFilters', 'columnFiltersMeta', '_valuesCache', '_uniqueValuesCache'])
    expect(own(a, name)).toBe(false);
  const filters = a.columnFilters as Loose;
  expect(Object.getPrototypeOf(filters)).toBeNull();
  expect(Object.keys(filters)).toEqual([]);
  filters.x = true;
  expect(a.columnFilters).toBe(filters); // kept: the row owns it now
  expect(own(b, 'columnFilters')).toBe(false);
  expect((b.columnFilters as Loose).x).toBeUndefined();
  b.columnFiltersMeta = { m: 1 };
  expect(b.columnFiltersMeta).toEqual({ m: 1 });
  expect(a.subRows).toEqual([]);
  expect(a.subRows).toBe(b.subRows);
  expect(Object.isFrozen(a.subRows)).toBe(true);
  expect([a.id, a.index, a.depth, a.parentId, (a.original as Item).id]).toEqual(['a', 1, 0, undefined, { S: 'a' }]);
});
