/**
 * The grid's core row model with structural sharing: when the items change (a bulk edit staged or
 * undone replaces 10,000 of 100,000; a load appends a page), a row whose id and item object are
 * the same as before, at the same index, is the same Row object as before. TanStack's own core
 * model constructs every row again (100,000 objects and their caches: a major GC on each undo);
 * this one constructs only the rows that changed or were added (lean rows, leanRow.ts), and
 * patches the id lookup in place when the old rows kept their ids.
 *
 * Rows appended to the data (a load) are pushed onto the previous model's rows array, which
 * grows: each model is a new object, and its rowsById knows only the rows it was built with, but
 * its `rows` may be longer later. Whoever keeps a rows array to compare reads its length too.
 *
 * Registered as the `coreRowModel` slot (gridFeatures.ts). The stock model's after-update hooks
 * reset expanding, pagination, sorting and cell selection, none of which the grid registers (and
 * it turns autoResetSorting off), so there are none here. Flat data only (no sub-rows).
 */
import { tableMemo, type Row, type RowModel, type TableFeatures } from '@tanstack/react-table';

import type { Item } from '../../../../../shared/dynamo/types';
import { leanRowMaker } from './leanRow';
import { IdPositions } from '../../../../../shared/changes/idPositions';
import { rowsByIdOf } from './rowsById';
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
    let prev: Built | null = null;
    let prevData: readonly Item[] | null = null;
    // The length the data had when last built: the items store grows its array in place.
    let prevLength = 0;
    const makeRow = leanRowMaker(t);
    const model = tableMemo({
      feature: 'coreRowModelsFeature',
      table: t as never,
      fnName: 'table.getCoreRowModel',
      memoDeps: () => [table.options.data, table.options.data.length],
      fn: (): RowModel<TableFeatures, Item> => {
        const next = build(table, prev, prevData, prevLength, makeRow, onBuild);
        prev = next;
        prevData = table.options.data;
        prevLength = prevData.length;
        return next.model;
      },
    });
    return (): RowModel<TableFeatures, Item> => model();
  };
}

type AnyRow = Row<TableFeatures, Item>;

/**
 * Where a model's rows are by id: made on the first lookup (a load looks none up), then brought up
 * to date on each lookup with the rows appended since. Models whose ids are the same at every old
 * index share one.
 */
class RowPositions {
  private made: IdPositions | null = null;
  private known = 0;

  constructor(private rows: readonly AnyRow[]) {}

  /** Rows with the same ids at every index this one has, and maybe more after them. */
  extendTo(rows: readonly AnyRow[]): void {
    this.rows = rows;
  }

  get(): IdPositions {
    const made = (this.made ??= new IdPositions());
    for (; this.known < this.rows.length; this.known++) {
      made.set((this.rows[this.known] as AnyRow).id, this.known);
    }
    return made;
  }
}

/** A model and where its rows are by id (rowsById.ts: no record or Map keyed by row id). */
interface Built {
  model: RowModel<TableFeatures, Item>;
  positions: RowPositions;
}

function modelOf(rows: AnyRow[], positions: RowPositions): Built {
  const rowsById = rowsByIdOf(rows, () => positions.get(), rows.length);
  return { model: { rows, flatRows: rows, rowsById }, positions };
}

function build(
  table: CoreTable<Item>,
  prev: Built | null,
  prevData: readonly Item[] | null,
  prevLength: number,
  makeRow: ReturnType<typeof leanRowMaker>,
  onBuild?: (s: ShareStats) => void,
): Built {
  const data = table.options.data;
  const old = prev?.model.rows ?? [];
  // Rows appended by the items store to the data of `prev` (a page of a load): the rows before
  // them are the same, so only the new ones are made (no pass over 1,000,000 rows per page).
  // Any number of pages may have been appended since (renders are not one per page).
  if (prev && prevData && extendsRows(data, prevData, prevLength) && old.length === prevLength) {
    const added: AnyRow[] = [];
    for (let i = old.length; i < data.length; i++) {
      const original = data[i] as Item;
      added.push(makeRow(table.getRowId(original, i), original, i));
    }
    // Onto the old rows array itself, as the items store does with its items (loadedRows.ts
    // addRows): a copy per render was a 1,000,000-slot array a second that died at the next.
    const rows = old as AnyRow[];
    for (let k = 0; k < added.length; k++) rows.push(added[k] as AnyRow);
    prev.positions.extendTo(rows);
    onBuild?.({ constructed: added.length, keptLookup: true });
    return modelOf(rows, prev.positions);
  }
  const rows: AnyRow[] = new Array<AnyRow>(data.length);
  let constructed = 0;
  // The ids are the same as before at every old index (rows replaced, or pages appended by a
  // load): the old positions are kept, extended by the appended rows, instead of every id hashed
  // into new ones (which made each page of a 1,000,000-row load rebuild them).
  let sameIds = prev !== null && old.length <= data.length;
  for (let i = 0; i < data.length; i++) {
    const original = data[i] as Item;
    const id = table.getRowId(original, i);
    const before = old[i];
    if (before && before.id === id && before.original === original) {
      rows[i] = before;
      continue;
    }
    if (before && before.id !== id) sameIds = false;
    rows[i] = makeRow(id, original, i);
    constructed++;
  }
  const kept = sameIds && prev ? prev.positions : null;
  kept?.extendTo(rows);
  onBuild?.({ constructed, keptLookup: kept !== null });
  return modelOf(rows, kept ?? new RowPositions(rows));
}
