/**
 * The quick filter over loaded rows, as the table's filtered row model: a row stays when any of
 * its values (nested ones and map keys included) contains the filter text, ignoring case.
 * Written as a row model of its own (a supported TanStack Table slot) rather than a per-column
 * filter function, so that no filter state is allocated per row while the filter is empty and a
 * filtered pass over 100,000 rows is one regular-expression test per value.
 */
import { tableMemo, type RowModel, type TableFeatures } from '@tanstack/react-table';
import type { AttributeValue, Item } from '../../../../../shared/dynamo/types';

function matches(v: AttributeValue, re: RegExp): boolean {
  if ('S' in v) return re.test(v.S);
  if ('N' in v) return re.test(v.N);
  if ('BOOL' in v) return re.test(v.BOOL ? 'true' : 'false');
  if ('NULL' in v) return re.test('null');
  if ('B' in v) return re.test(v.B);
  if ('SS' in v) return v.SS.some((s) => re.test(s));
  if ('NS' in v) return v.NS.some((s) => re.test(s));
  if ('BS' in v) return v.BS.some((s) => re.test(s));
  if ('L' in v) return v.L.some((x) => matches(x, re));
  for (const k in v.M) if (re.test(k) || matches(v.M[k] as AttributeValue, re)) return true;
  return false;
}

/** The case-insensitive pattern for a filter text; null when the text is blank. */
export function quickFilterPattern(text: string): RegExp | null {
  const t = text.trim();
  return t === '' ? null : new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

/** True when any value of the item contains the pattern. */
export function itemMatches(item: Item, re: RegExp): boolean {
  for (const name in item) if (matches(item[name] as AttributeValue, re)) return true;
  return false;
}

interface FilterableRow {
  id: string;
  original: Item;
}
interface FilterableTable {
  getPreFilteredRowModel(): RowModel<TableFeatures, Item>;
  atoms: { globalFilter?: { get(): unknown } };
}

/**
 * itemMatches with memory: the answer per item object for one pattern. The grid's rows are the
 * loaded item objects themselves except the staged ones, so after a bulk edit or its undo only
 * the changed rows are tested again, not all 100,000.
 */
export function createMatchMemo(): (item: Item, re: RegExp) => boolean {
  let source: string | null = null;
  let seen = new WeakMap<Item, boolean>();
  return (item, re) => {
    if (re.source !== source) {
      source = re.source;
      seen = new WeakMap();
    }
    let m = seen.get(item);
    if (m === undefined) {
      m = itemMatches(item, re);
      seen.set(item, m);
    }
    return m;
  };
}

/** The `filteredRowModel` slot: the quick filter, read from the table's globalFilter state. */
export function createQuickFilterRowModel() {
  return (t: unknown) => {
    const table = t as FilterableTable;
    const matchesItem = createMatchMemo();
    const model = tableMemo({
      feature: 'globalFilteringFeature',
      table: t as never,
      fnName: 'table.getFilteredRowModel',
      memoDeps: () => [table.getPreFilteredRowModel(), table.atoms.globalFilter?.get()],
      fn: (): RowModel<TableFeatures, Item> => {
        const all = table.getPreFilteredRowModel();
        const filter = table.atoms.globalFilter?.get();
        const re = typeof filter === 'string' ? quickFilterPattern(filter) : null;
        if (!re) return all;
        const rows = all.rows.filter((r: FilterableRow) => matchesItem(r.original, re));
        const rowsById: Record<string, (typeof rows)[number]> = {};
        for (const r of rows) rowsById[r.id] = r;
        return { rows, flatRows: rows, rowsById };
      },
    });
    return (): RowModel<TableFeatures, Item> => model();
  };
}
