import { useEffect, useState } from 'react';
import type { StatementOutcome } from '../../../../shared/contract/partiql';
import { formatValue } from '../../../../shared/dynamo/format';
import { call } from '../../api/client';
import { selectMode, useCommitStore } from '../../stores/commitStore';
import { usePartiqlStore } from './partiqlStore';
import { loadStagedStatements, unstageStatements } from './runner';

export interface StagedStatementsProps {
  /** Only this connection's statements (all connections when absent). */
  connectionId?: string;
  /** Only this table's statements. */
  table?: string;
}

/**
 * Staged PartiQL writes beside the item each one names, with Unstage, and Commit: one
 * BatchExecuteStatement per 25 statements, each statement reported by itself.
 */
export function StagedStatements({ connectionId, table }: StagedStatementsProps) {
  const all = usePartiqlStore((s) => s.staged);
  const setStaged = usePartiqlStore((s) => s.setStaged);
  const [busy, setBusy] = useState(false);
  // Atomic mode (Commit options) commits them with ExecuteTransaction, else BatchExecuteStatement.
  const atomic = useCommitStore(selectMode) === 'atomic';
  const [result, setResult] = useState<{ outcomes: StatementOutcome[]; calls: number; api: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void loadStagedStatements().catch(() => undefined);
  }, []);
  const staged = all.filter((s) => (!connectionId || s.connectionId === connectionId) && (!table || s.table === table));
  if (staged.length === 0 && !result) return null;
  const connections = [...new Set(staged.map((s) => s.connectionId))];
  const commit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const outcomes: StatementOutcome[] = [];
      let calls = 0;
      for (const c of connections) {
        const ids = staged.filter((s) => s.connectionId === c).map((s) => s.id);
        const out = await call('partiql:commit', { connectionId: c, ids, mode: atomic ? 'atomic' : 'batch' });
        outcomes.push(...out.outcomes);
        calls += out.calls;
        setStaged(out.statements);
      }
      setResult({ outcomes, calls, api: atomic ? 'ExecuteTransaction' : 'BatchExecuteStatement' });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const written = result?.outcomes.filter((o) => o.status === 'written').length ?? 0;
  const failed = result ? result.outcomes.length - written : 0;
  return (
    <section className="partiql-staged" aria-label="Staged PartiQL statements">
      <header>
        <h3>
          Staged PartiQL statements <span className="count">{staged.length}</span>
        </h3>
        <span className="spacer" />
        <button type="button" className="primary" disabled={busy || staged.length === 0} onClick={() => void commit()}>
          {busy ? 'Committing…' : `Commit ${staged.length} ${staged.length === 1 ? 'statement' : 'statements'}`}
        </button>
      </header>
      {result && (
        <p role="status" className="partiql-commit-result">
          {written} written, {failed} failed, in {result.calls} {result.api} {result.calls === 1 ? 'call' : 'calls'}.
        </p>
      )}
      {failure && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      <ul>
        {staged.map((s) => (
          <li key={s.id} className={s.error ? 'failed' : ''} data-testid="staged-statement">
            <span className={`kind kind-${s.kind.toLowerCase()}`}>{s.kind}</span>
            <span className="item">
              {s.table}
              {s.key
                ? ` · ${Object.entries(s.key)
                    .map(([k, v]) => `${k} = ${formatValue(v)}`)
                    .join(', ')}`
                : ' · item not named by its full key'}
            </span>
            <code className="statement">{s.statement}</code>
            {s.parameters.length > 0 && (
              <code className="params">{s.parameters.map((p) => JSON.stringify(p)).join(', ')}</code>
            )}
            {s.error && <span className="error-text">{s.error}</span>}
            <button type="button" className="ghost small" onClick={() => void unstageStatements([s.id])}>
              Unstage
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
