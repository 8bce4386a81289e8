import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../../shared/dynamo/types';
import type { ItemsSlot } from '../../../stores/itemsStore';
import { DEFAULT_VIEW } from '../grid/gridViewStore';
import { exportRows } from './exportRows';

const item = (pk: string, n: string): Item => ({ pk: { S: pk }, n: { N: n } });

function slotOf(items: Item[]): ItemsSlot {
  return {
    connectionId: 'c1',
    table: 't',
    keySchema: { partitionKey: { name: 'pk', type: 'S' } },
    items,
    ids: items.map((i) => JSON.stringify(i.pk)),
    columns: ['pk', 'n'],
    kind: 'Scan',
    status: 'streaming',
    progress: { items: items.length, pages: 1, scannedCount: items.length, consumedCapacity: 0 },
    selection: {},
    activeId: null,
    inspectPath: null,
  };
}

describe('exportRows', () => {
  it('is a list of its own: rows the load appends to the slot afterwards are not in it', () => {
    const slot = slotOf([item('a', '2'), item('b', '1')]);
    const rows = exportRows(slot, DEFAULT_VIEW, false);
    slot.items.push(item('c', '3')); // a Load all still running grows the slot's array in place
    expect(rows.map((r) => r.pk)).toEqual([{ S: 'a' }, { S: 'b' }]);
  });

  it('sorts as the grid does, and takes only the selected rows when asked', () => {
    const slot = slotOf([item('a', '2'), item('b', '10'), item('c', '1')]);
    const view = { ...DEFAULT_VIEW, sorting: [{ id: 'n', desc: false }] };
    expect(exportRows(slot, view, false).map((r) => r.n)).toEqual([
      { N: '1' },
      { N: '2' },
      { N: '10' },
    ]);
    expect(slot.items.map((r) => r.pk)).toEqual([{ S: 'a' }, { S: 'b' }, { S: 'c' }]); // not sorted in place
    slot.selection = { [slot.ids[0]!]: true, [slot.ids[2]!]: true };
    expect(exportRows(slot, view, true).map((r) => r.pk)).toEqual([{ S: 'c' }, { S: 'a' }]);
  });
});
