import { useState } from 'react';
import type { TableDescription } from '../../../../../shared/contract/tables';
import { GetByKeyDialog } from '../../../lazy/onDemand';

/** Opens the get-by-key dialog, starting with the open table. */
export function GetByKeyButton({
  connectionId,
  table,
}: {
  connectionId: string;
  table: TableDescription;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Get by key…
      </button>
      {open && (
        <GetByKeyDialog
          connectionId={connectionId}
          table={table.name}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
