import { selectSelectedConnection, useConnectionStore } from '../../stores/connectionStore';
import { descriptionKey, useTablesStore } from '../../stores/tablesStore';
import { TableDescriptionView } from './TableDescriptionView';

export function TablePane() {
  const connectionId = useConnectionStore(selectSelectedConnection);
  const table = useTablesStore((s) => s.selected[connectionId]);
  const description = useTablesStore((s) =>
    table ? s.descriptions[descriptionKey(connectionId, table)] : undefined,
  );
  const error = useTablesStore((s) => s.describeError);
  if (!table) {
    return (
      <main className="table-pane empty">
        <p className="muted">Pick a table on the left.</p>
      </main>
    );
  }
  return (
    <main className="table-pane">
      <h2>{table}</h2>
      {error && (
        <div role="alert" className="banner error">
          {error}
        </div>
      )}
      {description ? <TableDescriptionView table={description} /> : !error && <p className="muted">Loading…</p>}
    </main>
  );
}
