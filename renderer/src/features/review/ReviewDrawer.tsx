import { ReviewPane } from './ReviewPane';
import { selectReviewOpen, useReviewStore } from './reviewStore';

/** The review pane as a right-side drawer beside the workspace; mounted only while open. */
export function ReviewDrawer() {
  const open = useReviewStore(selectReviewOpen);
  if (!open) return null;
  return (
    <aside className="review-drawer">
      <ReviewPane />
    </aside>
  );
}
