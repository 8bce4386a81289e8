import { useEffect, useRef, type CSSProperties } from 'react';
import { confirmButton, rememberFocus, theGrid } from '../../ui/focus';
import { ReviewPane } from './ReviewPane';
import { reviewActions, selectReviewOpen, selectReviewWidth, useReviewStore } from './reviewStore';
import { ReviewSplitter } from './ReviewSplitter';

/**
 * The review pane as a right-side drawer beside the workspace; mounted only while open. Opening
 * it moves focus into it (its search field), Escape closes it and focus returns where it was;
 * Ctrl/Cmd+Enter in it presses Commit.
 */
export function ReviewDrawer() {
  const open = useReviewStore(selectReviewOpen);
  if (!open) return null;
  return <OpenDrawer />;
}

function OpenDrawer() {
  const ref = useRef<HTMLElement>(null);
  const width = useReviewStore(selectReviewWidth);
  useEffect(() => {
    const restore = rememberFocus(theGrid);
    const el = ref.current;
    el?.querySelector<HTMLElement>('[data-review-start]')?.focus();
    if (el && !el.contains(document.activeElement)) el.focus();
    return restore;
  }, []);
  return (
    <aside
      ref={ref}
      className="review-drawer"
      tabIndex={-1}
      aria-label="Review drawer"
      style={width === null ? undefined : ({ '--review-width': `${width}px` } as CSSProperties)}
      onKeyDown={(e) => {
        if (e.defaultPrevented) return;
        if (e.key === 'Escape' && !document.querySelector('dialog[open]')) {
          e.preventDefault();
          reviewActions.setOpen(false);
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          const commit = ref.current?.querySelector<HTMLElement>('.review-foot');
          const button = commit && confirmButton(commit);
          if (!button) return;
          e.preventDefault();
          button.click();
        }
      }}
    >
      <ReviewSplitter drawer={ref} />
      <ReviewPane />
    </aside>
  );
}
