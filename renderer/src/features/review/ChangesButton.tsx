import '../staging/staging.css';
import './review.css';
import { selectChangeCount, selectPersist, useStagingStore } from '../../stores/stagingStore';
import { reviewActions, selectReviewOpen, useReviewStore } from './reviewStore';

/** "Changes (N)" in the top bar: opens the review; shows whether staged work is saved. */
export function ChangesButton() {
  const count = useStagingStore(selectChangeCount);
  const persist = useStagingStore(selectPersist);
  const open = useReviewStore(selectReviewOpen);
  const saved = !persist.saving && persist.unsaved === 0;
  return (
    <button
      type="button"
      className={`changes-button${count > 0 ? ' has-changes' : ''}`}
      aria-pressed={open}
      aria-keyshortcuts="Control+Shift+D"
      title="Review staged changes (Ctrl+Shift+D)"
      onClick={reviewActions.toggle}
    >
      {/* Below 1,000 no separator: the first toLocaleString loads ICU's number data (~20-40 ms), not at start. */}
      Changes ({count < 1000 ? String(count) : count.toLocaleString('en-US')})
      <span
        className={`save-dot ${saved ? 'saved' : persist.error ? 'error' : 'saving'}`}
        data-testid="save-state"
        data-state={saved ? 'saved' : persist.error ? 'error' : 'saving'}
        title={saved ? 'Saved' : persist.error ? `Not saved: ${persist.error}` : 'Saving…'}
      />
    </button>
  );
}
