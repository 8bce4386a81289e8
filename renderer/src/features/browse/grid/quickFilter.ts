/**
 * The quick filter over loaded rows, as the table's filtered row model: a row stays when any of
 * its values (nested ones and map keys included) contains the filter text, ignoring case.
 * Written as a row model of its own (a supported TanStack Table slot) rather than a per-column
 * filter function, so that no filter state is allocated per row while the filter is empty and a
 * filtered pass over 100,000 rows is one regular-expression test per value.
 */
import { tableMemo, type Row, type RowModel, type TableFeatures } from '@tanstack/react-table';
import type { Item } from '../../../../../shared/dynamo/types';
import { createMatchMemo, quickFilterPattern } from '../../../../../shared/query/textFilter';
import { createKeptRows } from './keptRows';
import { rowsByIdOf } from './rowsById';

interface FilterableTable {
  getPreFilteredRowModel(): RowModel<TableFeatures, Item>;
  atoms: { globalFilter?: { get(): unknown } };
}

/** The `filteredRowModel` slot: the quick filter, read from the table's globalFilter state. */
export function createQuickFilterRowModel() {
  return (t: unknown) => {
    const table = t as FilterableTable;
    const matchesItem = createMatchMemo();
    // A pass with the last pass's pattern keeps the answers of the rows still in place, and may
    // reuse matched values for the others (a staged image shares its original's values).
    const keptRows = createKeptRows<Row<TableFeatures, Item>>();
    const model = tableMemo({
      feature: 'globalFilteringFeature',
      table: t as never,
      fnName: 'table.getFilteredRowModel',
      memoDeps: () => [table.getPreFilteredRowModel(), table.atoms.globalFilter?.get()],
      fn: (): RowModel<TableFeatures, Item> => {
        const all = table.getPreFilteredRowModel();
        const filter = table.atoms.globalFilter?.get();
        const re = typeof filter === 'string' ? quickFilterPattern(filter) : null;
        if (!re) {
          keptRows.forget();
          return all;
        }
        const rows = keptRows.filter(all.rows, re.source, (r, same) => matchesItem(r.original, re, same));
        // Found by id through positions made on the first lookup, if any: a pass over 100,000 rows
        // makes no dictionary of them.
        return { rows, flatRows: rows, rowsById: rowsByIdOf(rows) };
      },
    });
    return (): RowModel<TableFeatures, Item> => model();
  };
}
