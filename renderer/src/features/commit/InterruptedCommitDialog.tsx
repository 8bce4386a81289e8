import { useEffect, useState } from 'react';
import { selectInterrupted, useCommitStore } from '../../stores/commitStore';
import { selectConnections, useConnectionStore } from '../../stores/connectionStore';
import { Dialog } from '../../ui/Dialog';
import { commitActions } from './commitFlow';
import { fmt } from './format';

/** A key as `name=value, …` (the value's one scalar; sets and maps do not occur in keys). */
function keyText(key: Record<string, Record<string, unknown>>): string {
  return Object.entries(key)
    .map(([name, v]) => `${name}=${String(Object.values(v)[0])}`)
    .join(', ');
}

/**
 * At start, asks the backend for commits a crash or kill interrupted and offers each: Resume
 * finishes it from its journal (progress and report in the review pane), Discard forgets it and
 * leaves its changes staged. Closing the dialog asks again at the next start.
 */
export function InterruptedCommitDialog() {
  const interrupted = useCommitStore(selectInterrupted);
  const connections = useConnectionStore(selectConnections);
  const [later, setLater] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void commitActions.checkPending();
  }, []);
  const next = interrupted.find((c) => !later.has(c.commitId));
  if (!next) return null;
  const connection = connections.find((c) => c.id === next.connectionId)?.name ?? next.connectionId;
  const started = new Date(next.createdAt);
  return (
    <Dialog
      title="Interrupted commit"
      size="small"
      onClose={() => setLater(new Set([...later, next.commitId]))}
      footer={
        <>
          <button type="button" onClick={() => void commitActions.discard(next.commitId)}>
            Discard
          </button>
          <button
            type="button"
            className="primary"
            disabled={next.problem !== undefined}
            onClick={() => void commitActions.resume(next.commitId)}
          >
            Resume
          </button>
        </>
      }
    >
      {next.problem !== undefined && (
        <p className="error" role="alert" data-testid="interrupted-problem">
          {next.problem}
        </p>
      )}
      <p data-testid="interrupted-summary">
        An earlier commit was interrupted ({fmt(next.written)} of {fmt(next.total)} written).
      </p>
      <p className="small muted">
        {connection} · started {started.toLocaleString()} · {fmt(next.pending)} operations left.
        Resume sends them; Discard keeps the changes staged and forgets the commit.
      </p>
      {next.byTable && next.byTable.length > 0 && (
        <ul className="small" data-testid="interrupted-pending">
          {next.byTable.map((t) => (
            <li key={`${t.table}\u0000${t.kind}`}>
              {t.table}: {fmt(t.count)} {t.kind === 'put' ? 'puts' : 'deletes'}
            </li>
          ))}
        </ul>
      )}
      {next.sample && next.sample.length > 0 && (
        <details className="small">
          <summary>First {next.sample.length} keys</summary>
          <ul data-testid="interrupted-sample">
            {next.sample.map((s, i) => (
              <li key={i}>
                {s.kind} {s.table} {keyText(s.key)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Dialog>
  );
}
