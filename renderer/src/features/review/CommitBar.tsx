import type { StagedPlan } from './planInputs';

/** What the review hands the commit UI. */
export interface CommitBarProps {
  plan: StagedPlan;
  /** Why commit is not possible now (problems, nothing staged), or null. */
  blockedReason: string | null;
}

/**
 * PLACEHOLDER: the commit button and progress go here (another engineer builds them). ReviewPane
 * renders this unless given its own `renderCommitBar`; the props are what a real one needs.
 */
export function CommitBar({ plan, blockedReason }: CommitBarProps) {
  return (
    <div className="commit-bar" data-testid="commit-bar-slot">
      <span className="muted small">{blockedReason ?? `Ready: ${plan.summary.requests.toLocaleString('en-US')} ${plan.summary.requests === 1 ? 'request' : 'requests'} to send.`}</span>
      <span className="spacer" />
      <button type="button" className="primary" disabled title="Commit arrives in a later change">
        Commit…
      </button>
    </div>
  );
}
