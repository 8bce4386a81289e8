import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { tableRef } from '../../../../shared/changes/types';
import { changeDiff } from './reviewModel';
import type { ReviewEntry } from './reviewModel';
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

/** Staged items in a virtualised list: only what is on screen is rendered, so 10,000 stay fast. */
export function ReviewList({ entries, data, showConnection, onAction, scrollTo }: ReviewListProps) {
  const parent = useRef<HTMLDivElement>(null);
  const expanded = useReviewStore(selectExpanded);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => parent.current,
    // Header plus rows (at most 8 until expanded); measured exactly once rendered.
    estimateSize: (i) => {
      const e = entries[i];
      const rows = e ? Math.min(changeDiff(e.change).length, expanded[e.id] ? 1000 : 8) : 1;
      return 68 + rows * 24;
    },
    getItemKey: (i) => entries[i]?.id ?? i,
    overscan: 4,
  });

  useEffect(() => {
    if (scrollTo === null) return;
    const index = entries.findIndex((e) => e.id === scrollTo);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
  }, [scrollTo, entries, virtualizer]);

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
      role="feed"
      aria-label="Staged items"
      aria-busy={false}
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
}
