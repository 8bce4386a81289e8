import type { FinishedCommit } from '../../stores/commitStore';
import { selectLabels, useCommitStore } from '../../stores/commitStore';
import { outcomeLists } from './commitModel';
import type { OutcomeLists } from './commitModel';
import { commitActions } from './commitFlow';
import { fmt, fmt1, plural } from './format';
import { OutcomeList } from './OutcomeList';
import { PausedNotice } from './PausedNotice';

const WHAT: Record<FinishedCommit['kind'], string> = {
  commit: 'Commit finished',
  resume: 'Interrupted commit resumed',
  continue: 'Paused commit resumed',
};

function headline(f: FinishedCommit, lists: OutcomeLists): string {
  if (f.report.status === 'nothing') return 'Nothing to commit.';
  const what = WHAT[f.kind];
  const { failed, canceled, skipped, held, paused } = lists;
  if (f.report.status === 'paused') {
    const parts = [`${fmt(f.report.counters.written + f.alreadyWritten)} written`];
    if (paused.length > 0) parts.push(`${fmt(paused.length)} paused`);
    if (held.length > 0) parts.push(`${plural(held.length, 'delete')} held`);
    return `Commit paused: ${parts.join(', ')}.`;
  }
  if (canceled.length > 0)
    return `Commit canceled: ${plural(canceled.length, 'operation')} not sent.`;
  if (failed.length > 0) {
    const kept = held.length > 0 ? `; ${plural(held.length, 'delete')} held, still staged` : '';
    return `${what} with ${plural(failed.length, 'failure')}${kept}.`;
  }
  if (held.length > 0) return `${what}: ${plural(held.length, 'delete')} held, still staged.`;
  if (skipped.length > 0) {
    return `${what}: ${fmt(f.report.counters.written)} written, ${fmt(skipped.length)} skipped.`;
  }
  return `${what}: everything written.`;
}

/** The last commit's report: counters, failed with reasons, canceled, skipped and resent items. */
export function CommitReport({ finished }: { finished: FinishedCommit }) {
  const labels = useCommitStore(selectLabels);
  const r = finished.report;
  const c = r.counters;
  const lists = outcomeLists(r);
  const failed = lists.failed.length;
  const canceled = lists.canceled.length;
  const figures: [string, string, string][] = [
    ['written', 'Written', fmt(c.written + finished.alreadyWritten)],
    ['failed', 'Failed', fmt(c.failed)],
    ['held', 'Held', fmt(lists.held.length)],
    ['paused', 'Paused', fmt(lists.paused.length)],
    ['canceled', 'Canceled', fmt(c.canceled)],
    ['skipped', 'Skipped', fmt(lists.skipped.length)],
    ['resent', finished.kind === 'continue' ? 'Sent after pause' : 'Resent', fmt(r.resent.length)],
    ['requests', 'Requests', fmt(c.requests)],
    ['rounds', 'Rounds', fmt(c.rounds)],
    ['retried', 'Retried ops', fmt(c.retriedOps)],
    ['unprocessed', 'Unprocessed', fmt(c.unprocessed)],
    ['throttled', 'Throttled', fmt(c.throttledCalls)],
    ['capacity', 'Capacity (WCU)', fmt1(c.consumedCapacity)],
    ['seconds', 'Seconds', fmt1(Math.round(c.seconds * 10) / 10)],
    ['rate', 'Items/s', fmt(Math.round(c.itemsPerSecond))],
  ];
  const isPaused = r.status === 'paused';
  const tone =
    isPaused || failed > 0 || canceled > 0 || lists.held.length > 0 || lists.skipped.length > 0
      ? 'warn'
      : 'ok';
  return (
    <section className={`commit-report ${tone}`} aria-label="Commit report">
      <header className="commit-section-head">
        <strong data-testid="commit-headline">{headline(finished, lists)}</strong>
        <span className="spacer" />
        {failed > 0 && !isPaused && (
          <button
            type="button"
            className="small"
            title="Send the failed operations again, with the deletes held because of them"
            onClick={() => void commitActions.retryFailed()}
          >
            Retry failed
          </button>
        )}
        {!isPaused && (
          <button
            type="button"
            className="ghost small"
            aria-label="Dismiss report"
            onClick={commitActions.dismissReport}
          >
            ×
          </button>
        )}
      </header>
      {isPaused && (
        <PausedNotice finished={finished} waiting={lists.paused.length + lists.held.length} />
      )}
      {r.status !== 'nothing' && (
        <dl className="commit-figures">
          {figures.map(([id, label, value]) => (
            <div key={id}>
              <dt title={label}>{label}</dt>
              <dd data-testid={`report-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {finished.kind === 'resume' && finished.alreadyWritten > 0 && (
        <p className="small muted">
          {plural(finished.alreadyWritten, 'operation')} had been written before the interruption;
          the other {fmt(r.resent.length)}, whose outcome was unknown, were sent again (listed under
          Resent).
        </p>
      )}
      {(failed > 0 || canceled > 0 || lists.held.length > 0 || isPaused) && (
        <p className="small">
          Failed, held, paused and canceled changes stay staged, with their reason. A held delete
          waits for its copy: nothing was deleted that was not written elsewhere first.
        </p>
      )}
      {r.journalError && (
        <p className="commit-error">The journal could not be written: {r.journalError}</p>
      )}
      <OutcomeList title="Failed" items={lists.failed} labels={labels} tone="danger" open />
      <OutcomeList
        title="Held (not deleted: the copy was not written)"
        items={lists.held}
        labels={labels}
        tone="danger"
        open
      />
      <OutcomeList
        title="Paused (not sent yet)"
        items={lists.paused}
        labels={labels}
        open={lists.held.length === 0}
      />
      <OutcomeList
        title="Canceled before they were sent"
        items={lists.canceled.map((id) => ({ id }))}
        labels={labels}
      />
      <OutcomeList title="Skipped (conflicts)" items={lists.skipped} labels={labels} />
      <OutcomeList
        title={
          finished.kind === 'continue'
            ? 'Sent after the pause'
            : 'Resent (outcome unknown, sent again)'
        }
        items={r.resent.map((id) => ({ id }))}
        labels={labels}
      />
      <OutcomeList
        title="Read back differently"
        items={r.readBackMismatches.map((m) => ({ id: m.id }))}
        labels={labels}
        tone="danger"
        open
      />
      <OutcomeList
        title="Not checked for drift (could not be read)"
        items={r.unchecked.map((id) => ({ id }))}
        labels={labels}
      />
    </section>
  );
}
