import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { tableRef, type StagedChange } from '../../../../shared/changes/types';
import { estimateDiffRows } from './diffRows';
import type { ReviewEntry } from '../../../../shared/review/reviewModel';
import { ReviewItem } from './ReviewItem';
import type { ReviewAction } from './ReviewItem';
import { selectExpanded, useReviewStore } from './reviewStore';
import type { ReviewData } from './useReviewData';

export interface ReviewListProps {
  entries: readonly ReviewEntry[];
  data: Pick<ReviewData, 'issuesById' | 'keySchemas'>;
  showConnection: boolean;
  onAction(action: ReviewAction): void;
  /** A change id to bring into view (from the validation list). */
  scrollTo: string | null;
}

/**
 * Staged items in a virtualised list: only what is on screen is rendered, so 10,000 stay fast.
 * Memoised: the pane re-renders on every staging action, and laying out 10,000 estimates again
 * for unchanged entries is wasted (an undo's first frame).
 */
export const ReviewList = memo(function ReviewList({ entries, data, showConnection, onAction, scrollTo }: ReviewListProps) {
  const parent = useRef<HTMLDivElement>(null);
  const expanded = useReviewStore(selectExpanded);
  const estimates = useRef(new WeakMap<StagedChange, number>());
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => parent.current,
    // Header plus rows (at most 8 until expanded); measured exactly once rendered.
    estimateSize: (i) => {
      const e = entries[i];
      // Estimated without diffing all 10,000 entries of a bulk edit (diffRows.ts).
      const rows = e ? (expanded[e.id] ? estimateDiffRows(e.change, 1000) : estimateDiffRows(e.change, 8, estimates.current)) : 1;
      return 68 + rows * 24;
    },
    getItemKey: (i) => entries[i]?.id ?? i,
    overscan: 8,
  });

  useEffect(() => {
    if (scrollTo === null) return;
    const index = entries.findIndex((e) => e.id === scrollTo);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
  }, [scrollTo, entries, virtualizer]);

  // j/k or the arrow keys move between cards (one tab stop for the whole list).
  const current = useRef(0);
  const focusCard = (index: number) => {
    const i = Math.max(0, Math.min(entries.length - 1, index));
    current.current = i;
    virtualizer.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() =>
      parent.current?.querySelector<HTMLElement>(`[data-index="${i}"] article`)?.focus(),
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('input, select, textarea, button')) return;
    const step =
      e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const at = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    focusCard((at ? Number(at.dataset.index) : current.current - step) + step);
  };
  const issuesOf = (e: ReviewEntry) => {
    const own = data.issuesById.get(e.id);
    const put = e.moved ? data.issuesById.get(e.moved.id) : undefined;
    return put ? [...(own ?? []), ...put] : own;
  };

  if (entries.length === 0)
    return <p className="muted review-empty">No staged changes match the filters.</p>;
  return (
    <div
      ref={parent}
      className="review-list"
      role="group"
      aria-label="Staged items (j/k or arrows move between them)"
      aria-busy={false}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const entry = entries[v.index] as ReviewEntry;
          const c = entry.change;
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              className="review-slot"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <ReviewItem
                entry={entry}
                issues={issuesOf(entry)}
                keySchema={data.keySchemas[tableRef(c.connectionId, c.table)]}
                expanded={!!expanded[entry.id]}
                showConnection={showConnection}
                onAction={onAction}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
