import { useState } from 'react';
import {
  selectCommitError,
  selectConflicts,
  selectLast,
  selectRun,
  useCommitStore,
} from '../../stores/commitStore';
import {
  selectConnections,
  selectSelectedConnection,
  useConnectionStore,
} from '../../stores/connectionStore';
import type { StagedPlan } from '../../../../shared/review/planStaged';
import { commitActions } from './commitFlow';
import { CommitOptions } from './CommitOptions';
import { CommitProgress } from './CommitProgress';
import { CommitReport } from './CommitReport';
import { ConflictList } from './ConflictList';
import { fmt, plural } from './format';
import './commit.css';

export interface CommitPanelProps {
  plan: StagedPlan;
  /** Why commit is not possible now (problems, nothing staged), or null. */
  blockedReason: string | null;
}

/** The connection to commit: the one chosen, else the selected one if it has changes, else the first. */
function useTarget(plan: StagedPlan): [string | undefined, (id: string) => void] {
  const selected = useConnectionStore(selectSelectedConnection);
  const [chosen, setChosen] = useState<string | null>(null);
  const ids = plan.connections.map((c) => c.connectionId);
  const target = ids.find((id) => id === chosen) ?? ids.find((id) => id === selected) ?? ids[0];
  return [target, setChosen];
}

/**
 * The review pane's commit UI: options, the Commit button, live progress with Cancel while it
 * runs, then the conflicts to decide or the report. Each connection commits on its own.
 */
export function CommitPanel({ plan, blockedReason }: CommitPanelProps) {
  const run = useCommitStore(selectRun);
  const conflicts = useCommitStore(selectConflicts);
  const last = useCommitStore(selectLast);
  const error = useCommitStore(selectCommitError);
  const connections = useConnectionStore(selectConnections);
  const [target, setTarget] = useTarget(plan);
  const nameOf = (id: string) => connections.find((c) => c.id === id)?.name ?? id;
  const targetPlan = plan.connections.find((c) => c.connectionId === target);
  const requests = targetPlan?.plan.summary.requests ?? 0;
  const tables = [...new Set(targetPlan?.ops.map((op) => op.table) ?? [])].sort();
  const why = run
    ? 'A commit is running.'
    : conflicts
      ? 'Decide the conflicts first.'
      : last?.report.status === 'paused'
        ? 'A commit is paused: Resume it, or Discard it to commit afresh.'
        : blockedReason;
  const many = plan.connections.length > 1;
  return (
    <div className="commit-panel">
      {(run || conflicts || last || error) && (
        <div className="commit-panel-body">
          {run && <CommitProgress run={run} />}
          {!run && conflicts && <ConflictList conflicts={conflicts} />}
          {!run && last && <CommitReport finished={last} />}
          {!run && error && (
            <p className="commit-error" role="alert">
              The commit stopped: {error}
            </p>
          )}
        </div>
      )}
      <CommitOptions disabled={run !== null} tables={tables} />
      <div className="commit-bar" data-testid="commit-bar-slot">
        <span className="muted small">
          {run
            ? `Committing to ${nameOf(run.connectionId)}…`
            : (why ??
              `Ready: ${plural(requests, 'request')} to send${many ? '' : ` to ${nameOf(target ?? '')}`}.`)}
        </span>
        <span className="spacer" />
        {many && (
          <select
            aria-label="Connection to commit"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            disabled={run !== null}
          >
            {plan.connections.map((c) => (
              <option key={c.connectionId} value={c.connectionId}>
                {nameOf(c.connectionId)} ({fmt(c.ops.length)})
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="primary"
          disabled={why !== null || !target}
          title={why ?? 'Send the staged changes as BatchWriteItem requests'}
          onClick={() => target && void commitActions.start({ connectionId: target })}
        >
          Commit
        </button>
      </div>
    </div>
  );
}
