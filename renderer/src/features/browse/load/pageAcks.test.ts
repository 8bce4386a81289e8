import { describe, expect, test } from 'vitest';
import { ON_TIME_MS, pageAcks, type FrameSource } from './pageAcks';

/** Frames painted by hand: `paint(at)` runs the callbacks requested so far at time `at`. */
function handFrames() {
  let callbacks = new Map<number, (now: number) => void>();
  let next = 1;
  let hidden = false;
  const hiddenListeners = new Set<() => void>();
  const source: FrameSource = {
    requestFrame(cb) {
      callbacks.set(next, cb);
      return next++;
    },
    cancelFrame: (h) => void callbacks.delete(h),
    hidden: () => hidden,
    onHidden(cb) {
      hiddenListeners.add(cb);
      return () => hiddenListeners.delete(cb);
    },
  };
  return {
    source,
    paint(at: number) {
      const now = callbacks;
      callbacks = new Map();
      for (const cb of now.values()) cb(at);
    },
    requested: () => callbacks.size,
    hide() {
      hidden = true;
      for (const l of hiddenListeners) l();
    },
    listeners: () => hiddenListeners.size,
  };
}

describe('pageAcks', () => {
  test('acknowledges the pages received on a frame that came on time, once', () => {
    const frames = handFrames();
    const sent: number[] = [];
    const acks = pageAcks((n) => sent.push(n), frames.source);
    acks.received(1);
    acks.received(2);
    frames.paint(1000); // the first frame watched: nothing to compare it with
    expect(sent).toEqual([]);
    frames.paint(1016.7);
    expect(sent).toEqual([2]);
    expect(frames.requested()).toBe(0); // nothing left to send: frames are no longer asked for
    acks.received(3);
    frames.paint(2000);
    frames.paint(2016.7);
    expect(sent).toEqual([2, 3]);
  });

  test('holds the acknowledgement while frames come late, and sends it on the first frame on time again', () => {
    const frames = handFrames();
    const sent: number[] = [];
    const acks = pageAcks((n) => sent.push(n), frames.source);
    acks.received(4);
    frames.paint(0);
    frames.paint(ON_TIME_MS + 30); // late
    frames.paint(2 * ON_TIME_MS + 90); // late again
    expect(sent).toEqual([]);
    acks.received(5);
    frames.paint(2 * ON_TIME_MS + 90 + ON_TIME_MS); // on time (at the limit)
    expect(sent).toEqual([5]);
  });

  test('a hidden page acknowledges as pages come, and what it held when it is hidden', () => {
    const frames = handFrames();
    const sent: number[] = [];
    const acks = pageAcks((n) => sent.push(n), frames.source);
    acks.received(1);
    frames.paint(0);
    frames.paint(200); // late: held
    expect(sent).toEqual([]);
    frames.hide();
    expect(sent).toEqual([1]);
    acks.received(2);
    expect(sent).toEqual([1, 2]);
  });

  test('after stop nothing is sent and no frame or listener is left', () => {
    const frames = handFrames();
    const sent: number[] = [];
    const acks = pageAcks((n) => sent.push(n), frames.source);
    acks.received(1);
    expect(frames.requested()).toBe(1);
    acks.stop();
    expect(frames.requested()).toBe(0);
    expect(frames.listeners()).toBe(0);
    acks.received(2);
    frames.paint(0);
    frames.paint(10);
    frames.hide();
    expect(sent).toEqual([]);
  });
});
