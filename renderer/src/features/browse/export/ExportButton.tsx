import { useState } from 'react';
import { selectSlot, useItemsStore, type SlotRef } from '../../../stores/itemsStore';
import { ExportDialog } from '../../../lazy/onDemand';

/** Opens the export dialog; disabled while nothing is loaded. */
export function ExportButton({ slot }: { slot: SlotRef }) {
  const [open, setOpen] = useState(false);
  const count = useItemsStore((s) => selectSlot(slot)(s)?.items.length ?? 0);
  return (
    <>
      <button type="button" disabled={count === 0} onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog slot={slot} onClose={() => setOpen(false)} />}
    </>
  );
}
