import { useEffect, useMemo, useRef } from 'react';
import { selectSelectedConnection, useConnectionStore } from '../../stores/connectionStore';
import { useTablesStore } from '../../stores/tablesStore';
import { BrowseView, holdPrefetch } from '../../lazy/onDemand';
import { prefetchFirstPage } from '../browse/load/earlyPage';

const EMPTY: string[] = [];

export function TableList() {
  const connectionId = useConnectionStore(selectSelectedConnection);
  const names = useTablesStore((s) => s.names[connectionId] ?? EMPTY);
  const filter = useTablesStore((s) => s.filter);
  const loading = useTablesStore((s) => s.loading);
  const error = useTablesStore((s) => s.error);
  const selected = useTablesStore((s) => s.selected[connectionId]);
  const { load, listed, setFilter, select } = useTablesStore.getState();
  const mounted = useRef(false);

  useEffect(() => {
    // The first list is the one main.tsx asked for at start; a later pick lists afresh.
    void (mounted.current ? load(connectionId) : listed(connectionId));
    mounted.current = true;
  }, [connectionId, load, listed]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? names.filter((n) => n.toLowerCase().includes(f)) : names;
  }, [names, filter]);

  return (
    <nav className="table-list" aria-label="Tables">
      <div className="table-list-head">
        <input
          type="search"
          placeholder="Filter tables"
          aria-label="Filter tables"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            // Enter opens the table when the filter leaves exactly one.
            if (e.key === 'Enter' && shown.length === 1)
              void select(connectionId, shown[0] as string);
          }}
        />
        <button
          title="Refresh tables"
          aria-label="Refresh tables"
          onClick={() => void load(connectionId)}
        >
          ↻
        </button>
      </div>
      {error && (
        <div role="alert" className="banner error">
          {error}
        </div>
      )}
      <ul>
        {shown.map((name) => (
          <li key={name}>
            <button
              className={name === selected ? 'table-item selected' : 'table-item'}
              aria-current={name === selected ? 'true' : undefined}
              onClick={() => {
                holdPrefetch();
                prefetchFirstPage({ connectionId, table: name });
                void BrowseView.preload();
                void select(connectionId, name);
              }}
            >
              {name}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {loading ? 'Loading…' : `${shown.length} of ${names.length} tables`}
      </p>
    </nav>
  );
}
