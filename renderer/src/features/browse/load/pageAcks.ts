/**
 * A paced Load all's acknowledgements (items:taken). The backend reads a page only while fewer than
 * LOAD_WINDOW of the pages it sent are unacknowledged (server/items/loads.ts), and the page
 * acknowledges what it has taken in on a frame painted on time: when the page's frames fall
 * behind (the machine's cores busy with the load itself), the acknowledgements wait for a frame
 * that is on time again, and the load slows down instead of taking the frames' time.
 *
 * A hidden page paints no frames: it acknowledges as pages come, and what it held when hidden.
 */

/** Pages the backend may read ahead of the page's acknowledgements. */
export const LOAD_WINDOW = 3;

/** A frame that came within this of the one before is on time (3 vsyncs at 60 Hz). */
export const ON_TIME_MS = 50;

export interface PageAcks {
  /** The load's first `pages` pages are in (items:page `pages`, cumulative). */
  received(pages: number): void;
  /** The load ended: nothing more is sent. */
  stop(): void;
}

export interface FrameSource {
  requestFrame(cb: (now: number) => void): number;
  cancelFrame(handle: number): void;
  hidden(): boolean;
  /** Calls `cb` when the page is hidden; returns the unsubscribe. */
  onHidden(cb: () => void): () => void;
}

const browserFrames: FrameSource = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (h) => cancelAnimationFrame(h),
  hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  onHidden(cb) {
    if (typeof document === 'undefined') return () => undefined;
    const listener = () => {
      if (document.visibilityState === 'hidden') cb();
    };
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

/** Acknowledgements sent through `send`, on frames from `frames` (the browser's by default). */
export function pageAcks(
  send: (pages: number) => void,
  frames: FrameSource = browserFrames,
): PageAcks {
  let received = 0;
  let sent = 0;
  let frame: number | null = null;
  /** The previous frame's time while frames are watched; 0 before the first. */
  let last = 0;
  let stopped = false;
  const sendNow = () => {
    if (received <= sent) return;
    sent = received;
    send(sent);
  };
  const unwatch = frames.onHidden(() => {
    if (!stopped) sendNow();
  });
  const tick = (now: number) => {
    frame = null;
    if (stopped) return;
    const onTime = last > 0 && now - last <= ON_TIME_MS;
    last = now;
    if (onTime) sendNow();
    if (received > sent) frame = frames.requestFrame(tick);
    else last = 0;
  };
  return {
    received(pages) {
      if (stopped || pages <= received) return;
      received = pages;
      if (frames.hidden()) return sendNow();
      frame ??= frames.requestFrame(tick);
    },
    stop() {
      stopped = true;
      unwatch();
      if (frame !== null) frames.cancelFrame(frame);
      frame = null;
    },
  };
}
