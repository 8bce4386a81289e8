import { useState } from 'react';
import { selectSelectedConnection, useConnectionStore } from '../../stores/connectionStore';
import { tableRef } from '../../../../shared/changes/identity';
import { useTablesStore } from '../../stores/tablesStore';
import { BrowseView } from '../../lazy/onDemand';
import { TableDescriptionView } from './TableDescriptionView';
import '../browse/browse.css';

type Tab = 'items' | 'info';

const TABS: { id: Tab; label: string }[] = [
  { id: 'items', label: 'Items' },
  { id: 'info', label: 'Table info' },
];

export function TablePane() {
  const connectionId = useConnectionStore(selectSelectedConnection);
  const table = useTablesStore((s) => s.selected[connectionId]);
  const description = useTablesStore((s) =>
    table ? s.descriptions[tableRef(connectionId, table)] : undefined,
  );
  const error = useTablesStore((s) => s.describeError);
  const [tab, setTab] = useState<Tab>('items');
  if (!table) {
    return (
      <main className="table-pane empty">
        <p className="muted">Pick a table on the left.</p>
      </main>
    );
  }
  return (
    <main className="table-pane with-tabs">
      <div className="pane-head">
        <h2>{table}</h2>
        <div role="tablist" aria-label="Table views" className="pane-tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              tabIndex={tab === t.id ? 0 : -1}
              aria-controls={`panel-${t.id}`}
              className={tab === t.id ? 'pane-tab on' : 'pane-tab'}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <div role="alert" className="banner error">
          {error}
        </div>
      )}
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className={`pane-body pane-${tab}`}
      >
        {!description ? (
          !error && <p className="muted">Loading…</p>
        ) : tab === 'items' ? (
          <BrowseView
            key={`${connectionId}/${table}`}
            connectionId={connectionId}
            table={description}
          />
        ) : (
          <TableDescriptionView table={description} />
        )}
      </div>
    </main>
  );
}
