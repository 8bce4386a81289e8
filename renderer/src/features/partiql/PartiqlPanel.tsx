import { useEffect } from 'react';
import type { TableDescription } from '../../../../shared/contract/tables';
import { slotKey, type SlotRef } from '../../stores/itemsStore';
import { selectDraft, usePartiqlStore } from './partiqlStore';
import { cancelStatement, loadMoreStatement, loadStagedStatements, runStatement } from './runner';
import { SqlEditor } from './SqlEditor';
import { StagedStatements } from './StagedStatements';
import './partiql.css';

export interface PartiqlPanelProps {
  slot: SlotRef;
  table: TableDescription;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The PartiQL tab: a statement with `?` parameters; a SELECT fills the grid, writes are staged. */
export function PartiqlPanel({ slot, table }: PartiqlPanelProps) {
  const key = slotKey(slot);
  const draft = usePartiqlStore(selectDraft(key));
  const ensure = usePartiqlStore((s) => s.ensure);
  const patch = usePartiqlStore((s) => s.patch);
  useEffect(() => {
    const pk = table.key.partitionKey;
    ensure(key, { text: `SELECT * FROM "${table.name}" WHERE "${pk.name}" = ?`, params: `[{"${pk.type}": ""}]` });
  }, [ensure, key, table.name, table.key.partitionKey]);
  useEffect(() => {
    void loadStagedStatements().catch(() => undefined);
  }, []);
  if (!draft) return null;
  if (slot.connectionId === 'sandbox') {
    return (
      <section className="partiql" aria-label="PartiQL">
        <p className="banner partiql-unsupported" role="status">
          The sandbox (dynalite) does not support PartiQL. Use the Query builder tab here; PartiQL works on
          connections to DynamoDB. Everything else in the sandbox works as usual.
        </p>
      </section>
    );
  }
  const busy = draft.status === 'loading' || draft.status === 'streaming';
  const run = () => void runStatement(slot, table);
  const err = draft.error;
  const position = err?.line !== undefined ? ` (line ${err.line}, column ${err.column ?? 1})` : '';
  return (
    <section className="partiql" aria-label="PartiQL">
      <SqlEditor
        value={draft.text}
        onChange={(text) => patch(key, { text })}
        onSubmit={run}
        label="PartiQL statement"
        {...(err?.where === 'statement' && err.line !== undefined ? { focusAt: { line: err.line, column: err.column ?? 1 } } : {})}
      />
      <div className="partiql-options">
        <label className="b-field b-grow">
          <span className="b-label">Parameters (DynamoDB JSON, one per ?)</span>
          <textarea
            aria-label="Parameters"
            rows={2}
            spellCheck={false}
            value={draft.params}
            onChange={(e) => patch(key, { params: e.target.value })}
          />
        </label>
        <label className="partiql-check">
          <input
            type="checkbox"
            checked={draft.consistentRead}
            onChange={(e) => patch(key, { consistentRead: e.target.checked })}
          />
          Consistent read
        </label>
      </div>
      {err && (
        <div role="alert" className="banner error partiql-error" data-testid="partiql-error">
          <strong>{err.code}</strong> {err.where === 'parameters' ? 'in the parameters' : ''}
          {position}: {err.message}
        </div>
      )}
      {draft.notice && (
        <p role="status" className="partiql-notice">
          {draft.notice}
        </p>
      )}
      <div className="run-bar">
        <button type="button" className="primary" disabled={busy} onClick={run}>
          Run statement
        </button>
        <button type="button" disabled={busy || !draft.nextToken} onClick={() => void loadMoreStatement(slot, false)}>
          Load more
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void (draft.nextToken && draft.status !== 'error' ? loadMoreStatement(slot, true) : runStatement(slot, table, true))}
        >
          Load all
        </button>
        {draft.status === 'streaming' && (
          <button type="button" className="b-danger" onClick={() => cancelStatement(slot)}>
            Cancel
          </button>
        )}
        <span className="load-status" role="status" aria-live="polite" data-testid="partiql-status">
          {draft.status === 'idle' ? (
            <span className="muted">Ctrl+Enter runs the statement. INSERT, UPDATE and DELETE are staged, not run.</span>
          ) : (
            <>
              <span className={`state state-${draft.status}`}>
                {draft.status === 'loading'
                  ? 'Loading…'
                  : draft.status === 'streaming'
                    ? 'Loading all…'
                    : draft.status === 'canceled'
                      ? 'Canceled'
                      : draft.status === 'error'
                        ? 'Failed'
                        : draft.nextToken
                          ? 'More pages available'
                          : 'All pages read'}
              </span>
              <span className="figures">
                {`${n(draft.items)} items · ${n(draft.pages)} ${draft.pages === 1 ? 'page' : 'pages'} · ${draft.consumedCapacity.toLocaleString('en-US', { maximumFractionDigits: 1 })} RCU`}
              </span>
            </>
          )}
        </span>
      </div>
      <StagedStatements connectionId={slot.connectionId} table={table.name} />
    </section>
  );
}
