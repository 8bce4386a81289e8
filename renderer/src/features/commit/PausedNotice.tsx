import type { FinishedCommit } from '../../stores/commitStore';
import { commitActions } from './commitFlow';
import { plural } from './format';

/** What the pause reason asks the user to do, without the engine's "paused: " prefix. */
function whatToDo(reason: string | undefined): string {
  const text = (reason ?? 'a call-wide error stopped the commit').replace(/^paused:\s*/i, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A paused commit: why (access denied, credentials, missing table) and what to do, then Resume,
 * which goes on from the journal, or Discard, which forgets the journal and leaves it all staged.
 */
export function PausedNotice({ finished, waiting }: { finished: FinishedCommit; waiting: number }) {
  return (
    <div className="commit-paused" role="status" aria-label="Commit paused">
      <p>
        <strong>Paused.</strong> {whatToDo(finished.report.pauseReason)}
      </p>
      <p className="small">
        {plural(waiting, 'operation')} not written yet {waiting === 1 ? 'stays' : 'stay'} staged and
        in the journal; nothing is sent until you resume.
      </p>
      <div className="commit-paused-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void commitActions.continuePaused()}
        >
          Resume
        </button>
        <button
          type="button"
          className="small"
          title="Forget the paused commit: its changes stay staged for a new commit"
          onClick={() => void commitActions.discardPaused()}
        >
          Discard
        </button>
      </div>
    </div>
  );
}
