import {
  findItem,
  selectSlot,
  slotKey,
  useItemsStore,
  type SlotRef,
} from '../../../stores/itemsStore';
import { selectView, useGridViewStore } from '../grid/gridViewStore';
import { Inspector } from './Inspector';

/** The inspector beside the grid, showing the table's active row; hidden when closed. */
export function InspectorPanel({ slot: ref }: { slot: SlotRef }) {
  const slot = useItemsStore(selectSlot(ref));
  const open = useGridViewStore((s) => selectView(slotKey(ref))(s).inspectorOpen);
  const update = useGridViewStore((s) => s.update);
  if (!open) return null;
  const item = slot ? findItem(slot, slot.activeId) : undefined;
  return (
    <Inspector
      item={item}
      attribute={slot?.inspectPath ?? null}
      onClose={() => update(slotKey(ref), 'inspectorOpen', false)}
    />
  );
}
