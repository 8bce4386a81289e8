/**
 * The grid's core row model with structural sharing: when the items change (a bulk edit staged or
 * undone replaces 10,000 of 100,000; a load appends a page), a row whose id and item object are
 * the same as before, at the same index, is the same Row object as before. TanStack's own core
 * model constructs every row again (100,000 objects and their caches: a major GC on each undo);
 * this one constructs only the rows that changed or were added (lean rows, leanRow.ts), and
 * patches the id lookup in place when the old rows kept their ids.
 *
 * Registered as the `coreRowModel` slot (gridFeatures.ts). The stock model's after-update hooks
 * reset expanding, pagination, sorting and cell selection, none of which the grid registers (and
 * it turns autoResetSorting off), so there are none here. Flat data only (no sub-rows).
 */
import { makeObjectMap, tableMemo, type Row, type RowModel, type TableFeatures } from '@tanstack/react-table';

import type { Item } from '../../../../../shared/dynamo/types';
import { leanRowMaker } from './leanRow';
import { extendsRows } from '../../../stores/loadedRows';

interface CoreTable<TData> {
  options: { data: readonly TData[] };
  getRowId(original: TData, index: number): string;
}

/** What a rebuild did (for tests): rows constructed anew, and whether the id lookup was kept. */
export interface ShareStats {
  constructed: number;
  keptLookup: boolean;
}

export function createSharedCoreRowModel(onBuild?: (s: ShareStats) => void) {
  return (t: unknown) => {
    const table = t as CoreTable<Item>;
    let prev: RowModel<TableFeatures, Item> | null = null;
    let prevData: readonly Item[] | null = null;
    const makeRow = leanRowMaker(t);
    const model = tableMemo({
      feature: 'coreRowModelsFeature',
      table: t as never,
      fnName: 'table.getCoreRowModel',
      memoDeps: () => [table.options.data],
      fn: (): RowModel<TableFeatures, Item> => {
        const next = build(table, prev, prevData, makeRow, onBuild);
        prev = next;
        prevData = table.options.data;
        return next;
      },
    });
    return (): RowModel<TableFeatures, Item> => model();
  };
}

type AnyRow = Row<TableFeatures, Item>;

function build(
  table: CoreTable<Item>,
  prev: RowModel<TableFeatures, Item> | null,
  prevData: readonly Item[] | null,
  makeRow: ReturnType<typeof leanRowMaker>,
  onBuild?: (s: ShareStats) => void,
): RowModel<TableFeatures, Item> {
  const data = table.options.data;
  const old = prev?.rows ?? [];
  // Rows appended by the items store to the data of `prev` (a page of a load): the rows before
  // them are the same, so only the new ones are made (no pass over 1,000,000 rows per page).
  // Any number of pages may have been appended since (renders are not one per page).
  if (prev && prevData && extendsRows(data, prevData) && old.length === prevData.length) {
    const added: AnyRow[] = [];
    for (let i = old.length; i < data.length; i++) {
      const original = data[i] as Item;
      const row = makeRow(table.getRowId(original, i), original, i);
      added.push(row);
      prev.rowsById[row.id] = row;
    }
    const rows = old.concat(added);
    onBuild?.({ constructed: data.length - old.length, keptLookup: true });
    return { rows, flatRows: rows, rowsById: prev.rowsById };
  }
  const rows: AnyRow[] = new Array<AnyRow>(data.length);
  let constructed = 0;
  // The ids are the same as before at every old index (rows replaced, or pages appended by a
  // load): the old lookup is patched for the replaced and new rows instead of every key inserted
  // into a new one (which made each page of a 1,000,000-row load rebuild it).
  let sameIds = prev !== null && old.length <= data.length;
  const replaced: AnyRow[] = [];
  for (let i = 0; i < data.length; i++) {
    const original = data[i] as Item;
    const id = table.getRowId(original, i);
    const before = old[i];
    if (before && before.id === id && before.original === original) {
      rows[i] = before;
      continue;
    }
    if (before && before.id !== id) sameIds = false;
    const reused = prev?.rowsById[id];
    if (reused && reused.original === original && reused.index === i) rows[i] = reused;
    else {
      rows[i] = makeRow(id, original, i);
      constructed++;
    }
    replaced.push(rows[i] as AnyRow);
  }
  let rowsById: Record<string, AnyRow>;
  if (sameIds && prev) {
    rowsById = prev.rowsById;
    for (const r of replaced) rowsById[r.id] = r;
  } else {
    rowsById = makeObjectMap<AnyRow>();
    for (const r of rows) rowsById[r.id] = r;
  }
  onBuild?.({ constructed, keptLookup: sameIds && prev !== null });
  return { rows, flatRows: rows, rowsById };
}
