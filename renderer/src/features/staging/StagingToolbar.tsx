import { useEffect, useState } from 'react';
import { selectSelectedConnection, useConnectionStore } from '../../stores/connectionStore';
import { stagingActions } from '../../stores/stagingStore';
import { tableRef } from '../../../../shared/changes/identity';
import { useTablesStore } from '../../stores/tablesStore';
import { AddItemDialog } from './dialogs/AddItemDialog';
import { ImportDialog } from './import/ImportDialog';

/** Staging actions on the open table that need no grid selection: add an item, import a file. */
export function StagingToolbar() {
  const connectionId = useConnectionStore(selectSelectedConnection);
  const table = useTablesStore((s) => s.selected[connectionId]);
  const keySchema = useTablesStore((s) =>
    table ? s.descriptions[tableRef(connectionId, table)]?.key : undefined,
  );
  const [open, setOpen] = useState<'add' | 'import' | null>(null);

  useEffect(() => {
    if (table && keySchema) stagingActions.registerKeySchema({ connectionId, table, keySchema });
  }, [connectionId, table, keySchema]);

  if (!table || !keySchema) {
    return <p className="staging-toolbar muted small">Open a table to add or import items.</p>;
  }
  return (
    <div className="staging-toolbar" role="toolbar" aria-label={`Stage into ${table}`}>
      <span className="muted small">
        Into <strong>{table}</strong>:
      </span>
      <button type="button" className="small" onClick={() => setOpen('add')}>
        Add item…
      </button>
      <button type="button" className="small" onClick={() => setOpen('import')}>
        Import…
      </button>
      {open === 'add' && (
        <AddItemDialog
          connectionId={connectionId}
          table={table}
          keySchema={keySchema}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'import' && (
        <ImportDialog
          connectionId={connectionId}
          table={table}
          keySchema={keySchema}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
