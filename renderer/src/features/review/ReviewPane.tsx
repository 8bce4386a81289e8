import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { selectCanRedo, selectCanUndo, useStagingStore } from '../../stores/stagingStore';
import { redoVisibly, undoVisibly } from '../../stores/stageVisibly';
import { StagingToolbar } from '../staging/StagingToolbar';
import { CommitBar } from './CommitBar';
import type { CommitBarProps } from './CommitBar';
import { ExportPlanButton } from './ExportPlanButton';
import { ReviewBulkActions } from './ReviewBulkActions';
import { ReviewDialogs } from './ReviewDialogs';
import { ReviewFilters } from './ReviewFilters';
import type { ReviewAction } from './ReviewItem';
import { ReviewList } from './ReviewList';
import {
  reviewActions,
  selectKinds,
  selectSearch,
  selectTableFilter,
  useReviewStore,
} from './reviewStore';
import { ReviewSummary } from './ReviewSummary';
import { RevertAllButton } from './RevertAllButton';
import { useReviewData } from './useReviewData';
import { useBusyWhile } from '../../stores/busyStore';
import { ValidationList } from './ValidationList';
import { StagedStatements } from '../partiql/StagedStatements';
import { CopyChangesAs } from '../partiql/CopyChangesAs';
import { confirmButton } from '../../ui/focus';
import { MOD, useCommands } from '../keyboard/commandStore';

const reviewButton = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.review-pane button')].find(
    (b) => b.textContent?.trim() === name,
  );

export interface ReviewPaneProps {
  /** The commit UI; defaults to the CommitBar placeholder. */
  renderCommitBar?(props: CommitBarProps): ReactNode;
}

/**
 * Every staged change, reviewed before commit: filters, the plan summary from shared/plan,
 * problems that block commit, the items with per-attribute diffs and reverts, export of the plan.
 */
export function ReviewPane({ renderCommitBar = (p) => <CommitBar {...p} /> }: ReviewPaneProps) {
  const data = useReviewData();
  useBusyWhile('review', data.stale ? 'Updating the review…' : null);
  const canUndo = useStagingStore(selectCanUndo);
  const canRedo = useStagingStore(selectCanRedo);
  const kinds = useReviewStore(selectKinds);
  const table = useReviewStore(selectTableFilter);
  const [action, setAction] = useState<ReviewAction | null>(null);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const total = data.counts.put + data.counts.update + data.counts.delete;
  const showConnection = new Set(data.tables.map((t) => t.connectionId)).size > 1;
  const search = useReviewStore(selectSearch);
  const filtered = kinds.length > 0 || table !== null || search.trim() !== '';
  // Kept while the changes are: an undo re-renders this pane at once (the counts, Undo/Redo)
  // while the 10,000 entries of the list follow a frame later (useReviewData's deferred copy).
  const { issuesById, keySchemas, entries, changes } = data;
  const listData = useMemo(() => ({ issuesById, keySchemas }), [issuesById, keySchemas]);
  const revertIds = useMemo(
    () => (filtered ? entries.map((e) => e.id) : [...changes.keys()]),
    [filtered, entries, changes],
  );
  const entryChanges = useMemo(() => entries.map((e) => e.change), [entries]);
  const blockedReason =
    total === 0
      ? 'Nothing is staged.'
      : data.issues.length > 0
        ? `Fix the ${data.issues.length.toLocaleString('en-US')} ${data.issues.length === 1 ? 'problem' : 'problems'} first.`
        : null;

  useCommands(() => [
    {
      id: 'commit',
      label: 'Commit the staged changes',
      shortcut: `${MOD}+Enter (in the review)`,
      group: 'Review',
      run: () => {
        const foot = document.querySelector('.review-foot');
        if (foot) confirmButton(foot)?.click();
      },
    },
    {
      id: 'download-plan',
      label: 'Download plan (zip)',
      group: 'Review',
      run: () => reviewButton('Download plan')?.click(),
    },
    {
      id: 'close-review',
      label: 'Close the review',
      shortcut: 'Esc',
      group: 'Review',
      run: () => reviewActions.setOpen(false),
    },
  ]);
  return (
    <section className="review-pane" aria-label="Review changes">
      <header className="review-head">
        <h2>
          Review changes <span className="count">{total.toLocaleString('en-US')}</span>
        </h2>
        <button
          type="button"
          className="ghost small"
          disabled={!canUndo}
          onClick={undoVisibly}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className="ghost small"
          disabled={!canRedo}
          onClick={redoVisibly}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <span className="spacer" />
        <RevertAllButton ids={revertIds} filtered={filtered} />
        <button
          type="button"
          className="ghost"
          aria-label="Close review"
          title="Close (Ctrl+Shift+D)"
          onClick={() => reviewActions.setOpen(false)}
        >
          ×
        </button>
      </header>
      <StagingToolbar />
      <ReviewSummary plan={data.plan} data={data} />
      <ValidationList
        issues={data.issues}
        changes={data.changes}
        onShow={(id) => setScrollTo(id)}
      />
      <div className="review-tools">
        <ReviewFilters counts={data.counts} tables={data.tables} showConnection={showConnection} />
        <span className="spacer" />
        <ReviewBulkActions entries={data.entries} table={table} keySchemas={data.keySchemas} />
      </div>
      <ReviewList
        entries={data.entries}
        data={listData}
        showConnection={showConnection}
        onAction={setAction}
        scrollTo={scrollTo}
      />
      <StagedStatements />
      <footer className="review-foot">
        <ExportPlanButton
          plan={data.plan}
          blockedReason={blockedReason}
          changes={data.changes}
          moves={data.moves}
        />
        <CopyChangesAs changes={entryChanges} />
        {renderCommitBar({ plan: data.plan, blockedReason })}
      </footer>
      <ReviewDialogs
        action={action}
        changes={data.changes}
        keySchemas={data.keySchemas}
        onClose={() => setAction(null)}
      />
    </section>
  );
}
