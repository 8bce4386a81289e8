/** Which rows and columns an export writes, in the grid's order. */
import { compareValues } from '../../../../../shared/dynamo/format';
import type { Item } from '../../../../../shared/dynamo/types';
import type { ItemsSlot } from '../../../stores/itemsStore';
import { effectiveOrder } from '../grid/columnOrder';
import type { GridView } from '../grid/gridViewStore';

/**
 * The rows to export: all loaded ones or the selected ones, sorted as the grid sorts them (the
 * quick filter does not apply: it narrows the view, not the data). A list of its own: the slot's
 * array grows in place while a load runs, and an export writes the rows there were when it began.
 */
export function exportRows(slot: ItemsSlot, view: GridView, selectedOnly: boolean): Item[] {
  const rows = selectedOnly
    ? slot.items.filter((_, i) => slot.selection[slot.ids[i] as string])
    : slot.items.slice();
  if (view.sorting.length === 0) return rows;
  const sorts = view.sorting;
  return rows.sort((a, b) => {
    for (const s of sorts) {
      const c = compareValues(a[s.id], b[s.id], s.desc);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Every attribute, in the grid's column order (hidden columns too: an export loses nothing). */
export function exportColumns(slot: ItemsSlot, view: GridView): string[] {
  return effectiveOrder(slot.columns, view.columnOrder);
}
