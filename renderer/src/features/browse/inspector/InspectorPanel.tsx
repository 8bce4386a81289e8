import {
  findItem,
  selectSlot,
  slotKey,
  useItemsStore,
  type SlotRef,
} from '../../../stores/itemsStore';
import type { Item } from '../../../../../shared/dynamo/types';
import { selectView, useGridViewStore } from '../grid/gridViewStore';
import { Inspector } from './Inspector';

/**
 * The inspector beside the grid, showing the table's active row (as `itemOf` gives it, e.g. with
 * its staged changes; else as loaded); hidden when closed.
 */
export function InspectorPanel({
  slot: ref,
  itemOf,
}: {
  slot: SlotRef;
  itemOf?: (id: string) => Item | undefined;
}) {
  const slot = useItemsStore(selectSlot(ref));
  const open = useGridViewStore((s) => selectView(slotKey(ref))(s).inspectorOpen);
  const update = useGridViewStore((s) => s.update);
  if (!open) return null;
  const id = slot?.activeId ?? null;
  const item = itemOf && id !== null ? itemOf(id) : slot ? findItem(slot, id) : undefined;
  return (
    <Inspector
      item={item}
      attribute={slot?.inspectPath ?? null}
      onClose={() => update(slotKey(ref), 'inspectorOpen', false)}
    />
  );
}
