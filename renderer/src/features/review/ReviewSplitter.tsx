import type { RefObject } from 'react';
import { reviewActions } from './reviewStore';

const STEP = 32;

/**
 * The review drawer's left edge: drag it, or focus it and press the arrow keys, to resize the
 * review (CSS keeps the table pane its minimum width whatever is asked).
 */
export function ReviewSplitter({ drawer }: { drawer: RefObject<HTMLElement | null> }) {
  const width = () => drawer.current?.getBoundingClientRect().width ?? 480;
  return (
    <div
      className="review-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the review"
      aria-valuenow={Math.round(width())}
      tabIndex={0}
      onPointerDown={(e) => {
        const startX = e.clientX;
        const start = width();
        const move = (m: PointerEvent) => reviewActions.setWidth(start + startX - m.clientX);
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') reviewActions.setWidth(width() + STEP);
        else if (e.key === 'ArrowRight') reviewActions.setWidth(width() - STEP);
        else if (e.key === 'Home') reviewActions.setWidth(null);
        else return;
        e.preventDefault();
      }}
    />
  );
}
