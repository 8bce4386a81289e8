import type { CommitRunView } from '../../stores/commitStore';
import { progressShare } from './commitModel';
import { commitActions } from './commitFlow';
import { fmt, fmt1 } from './format';

const PHASE = {
  starting: 'Starting…',
  drift: 'Checking for drift…',
  writing: 'Writing…',
  readBack: 'Reading back…',
  done: 'Finishing…',
} as const;

/** The running commit: a progress bar, live figures from commit:progress, and Cancel. */
export function CommitProgress({ run }: { run: CommitRunView }) {
  const p = run.progress;
  const share = progressShare(run);
  const title = run.kind === 'resume' ? 'Resuming an interrupted commit' : 'Committing';
  const figures: [string, string, string][] = p
    ? [
        ['done', 'Written', fmt(p.done)],
        ['failed', 'Failed', fmt(p.failed)],
        ['retrying', 'Retrying', fmt(p.retrying)],
        ['requests', 'Requests', fmt(p.requests)],
        ['rounds', 'Rounds', fmt(p.rounds)],
        ['capacity', 'Capacity (WCU)', fmt1(p.consumedCapacity)],
        ['rate', 'Items/s', fmt1(Math.round(p.itemsPerSecond))],
        ['concurrency', 'Concurrency', fmt(p.concurrency)],
      ]
    : [];
  return (
    <section className="commit-progress" aria-label="Commit progress" aria-live="polite">
      <header className="commit-section-head">
        <strong>{title}</strong>
        <span className="muted small" data-testid="commit-phase">
          {run.cancelRequested ? 'Canceling: finishing the requests in flight…' : PHASE[run.phase]}
        </span>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void commitActions.cancel()}
          disabled={run.cancelRequested}
        >
          Cancel
        </button>
      </header>
      <div
        className="commit-bar-track"
        role="progressbar"
        aria-label="Operations done"
        aria-valuemin={0}
        aria-valuemax={p?.total ?? 0}
        aria-valuenow={p ? p.done + p.failed + p.canceled : 0}
      >
        <div className="commit-bar-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <p className="small commit-count" data-testid="commit-count">
        {p
          ? `${fmt(p.done + p.failed + p.canceled)} of ${fmt(p.total)} operations`
          : run.phase === 'drift'
            ? 'Reading the updated and deleted items to compare them with the server…'
            : 'Preparing the plan…'}
        {run.alreadyWritten > 0 && ` (${fmt(run.alreadyWritten)} written before the interruption)`}
      </p>
      {p && (
        <dl className="commit-figures">
          {figures.map(([id, label, value]) => (
            <div key={id}>
              <dt>{label}</dt>
              <dd data-testid={`progress-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
