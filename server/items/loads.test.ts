import { afterEach, describe, expect, test, vi } from 'vitest';
import { cancelLoad, startLoad, takePages, type LoadHandle } from './loads';

/** Whether `p` has settled after the microtasks queued so far. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

describe('load pacing (items:loadAll window, items:taken)', () => {
  const handles: LoadHandle[] = [];
  const start = (loadId: string, opts?: Parameters<typeof startLoad>[2]) => {
    const h = startLoad('c1', loadId, opts);
    handles.push(h);
    return h;
  };
  afterEach(() => {
    for (const h of handles.splice(0)) h.release();
    vi.useRealTimers();
  });

  test('an unpaced load always has room', async () => {
    const load = start('free');
    expect(await settled(load.room(1_000))).toBe(true);
  });

  test('a paced load waits while `window` pages are unacknowledged, and goes on when they are taken', async () => {
    const load = start('paced', { window: 2 });
    expect(await settled(load.room(1))).toBe(true);
    const waiting = load.room(2);
    expect(await settled(waiting)).toBe(false);
    expect(takePages('c1', 'paced', 0)).toBe(true);
    expect(await settled(waiting)).toBe(false);
    takePages('c1', 'paced', 1);
    expect(await settled(waiting)).toBe(true);
    // An older acknowledgement arriving late does not move it back.
    takePages('c1', 'paced', 0);
    expect(await settled(load.room(2))).toBe(true);
    expect(await settled(load.room(3))).toBe(false);
  });

  test('a cancel, a failure or the end releases a waiting load', async () => {
    const canceled = start('c', { window: 1 });
    const w1 = canceled.room(1);
    expect(await settled(w1)).toBe(false);
    expect(cancelLoad('c1', 'c')).toBe(true);
    expect(await settled(w1)).toBe(true);
    expect(canceled.canceled).toBe(true);

    const failed = start('f', { window: 1 });
    const w2 = failed.room(5);
    failed.fail(new Error('segment 2 failed'));
    expect(await settled(w2)).toBe(true);
    expect(failed.canceled).toBe(false);
  });

  test('a renderer that stops acknowledging does not stall the load: after stallMs it reads on unpaced', async () => {
    vi.useFakeTimers();
    const load = start('quiet', { window: 2, stallMs: 5_000 });
    const waiting = load.room(2);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
    expect(await settled(load.room(500))).toBe(true);
  });

  test('items:taken for a load that is not running answers false', () => {
    expect(takePages('c1', 'never-started', 3)).toBe(false);
    const load = start('ended', { window: 2 });
    load.release();
    expect(takePages('c1', 'ended', 1)).toBe(false);
  });
});
