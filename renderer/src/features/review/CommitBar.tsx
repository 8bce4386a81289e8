import { CommitPanel } from '../commit/CommitPanel';
import type { StagedPlan } from '../../../../shared/review/planStaged';

/** What the review hands the commit UI. */
export interface CommitBarProps {
  plan: StagedPlan;
  /** Why commit is not possible now (problems, nothing staged), or null. */
  blockedReason: string | null;
}

/** The review pane's commit slot: the commit UI of features/commit. */
export function CommitBar(props: CommitBarProps) {
  return <CommitPanel {...props} />;
}
