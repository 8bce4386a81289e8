import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keyNames, type KeySchema } from '../../../../../shared/dynamo/types';
import { selectSlot, slotKey, useItemsStore, type SlotRef } from '../../../stores/itemsStore';
import { useGridViewStore } from './gridViewStore';
import { ItemsGrid, type ItemsGridProps } from './ItemsGrid';
import type { Selection } from './selection';
import type { GridData } from './useGridTable';

const NO_ROWS: never[] = [];
const NO_SELECTION: Selection = {};

export type StagingProps = Pick<
  ItemsGridProps,
  'rowStaging' | 'onEditCell' | 'onPaste' | 'onDeleteRows' | 'extraMenuActions'
> & {
  /** The rows to show (loaded merged with staged), instead of the loaded rows. */
  data?: GridData;
};

/** The grid of one table's loaded items, read from the items store. */
export function BrowseGrid({
  slot: ref,
  keySchema,
  data: shown,
  ...staging
}: { slot: SlotRef; keySchema: KeySchema } & StagingProps) {
  const slot = useItemsStore(selectSlot(ref));
  const setSelection = useItemsStore((s) => s.setSelection);
  const setActive = useItemsStore((s) => s.setActive);
  const update = useGridViewStore((s) => s.update);
  const key = slotKey(ref);
  const items = slot?.items ?? NO_ROWS;
  const ids = slot?.ids ?? NO_ROWS;
  const columns = slot?.columns;
  const schema = slot?.keySchema ?? keySchema;
  // The items store grows its arrays in place as rows load: a new length is new data.
  const count = items.length;
  const data: GridData = useMemo(
    () => ({ items, ids, columns: columns ?? keyNames(schema), keySchema: schema }),
    [items, ids, columns, schema, count],
  );
  const onSelect = useCallback(
    (selection: Selection, activeId: string | null) => setSelection(ref, selection, activeId),
    [ref, setSelection],
  );
  const onInspect = useCallback(
    (id: string, column: string | null) => {
      setActive(ref, id, column);
      update(key, 'inspectorOpen', true);
    },
    [ref, key, setActive, update],
  );
  // A new query starts an empty slot (and so an empty selection): say so in the footer.
  const [cleared, setCleared] = useState('');
  const last = useRef({ loadId: slot?.loadId, selected: 0 });
  const selected = slot ? Object.keys(slot.selection).length : 0;
  useEffect(() => {
    const before = last.current;
    if (slot?.loadId !== before.loadId && before.selected > 0 && selected === 0) {
      setCleared(
        `Selection of ${before.selected.toLocaleString('en-US')} cleared by the new ${slot?.kind ?? 'read'}`,
      );
    }
    last.current = { loadId: slot?.loadId, selected };
  }, [slot?.loadId, slot?.kind, selected]);
  return (
    <ItemsGrid
      selectionNote={cleared}
      viewKey={key}
      data={shown ?? data}
      label={`Items of ${ref.table}`}
      selection={slot?.selection ?? NO_SELECTION}
      activeId={slot?.activeId ?? null}
      onSelect={onSelect}
      onInspect={onInspect}
      {...staging}
    />
  );
}
