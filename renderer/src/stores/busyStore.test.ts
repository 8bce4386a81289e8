import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_DELAY_MS, VISIBLE_RUN_MIN, busyActions, runVisibly, useBusyStore } from './busyStore';

const labels = () => useBusyStore.getState().visible.map((t) => t.label);

describe('busyStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never shows a task that ends before the delay', () => {
    const seen: string[][] = [];
    const off = useBusyStore.subscribe((s) => seen.push(s.visible.map((t) => t.label)));
    busyActions.start('a', 'Loading T…');
    vi.advanceTimersByTime(BUSY_DELAY_MS - 1);
    busyActions.stop('a');
    vi.advanceTimersByTime(BUSY_DELAY_MS * 10);
    off();
    expect(seen).toEqual([]);
    expect(labels()).toEqual([]);
  });

  it('shows a task once it has run the delay, relabels it, and hides it when it ends', () => {
    busyActions.start('a', 'Loading T…');
    vi.advanceTimersByTime(BUSY_DELAY_MS);
    expect(labels()).toEqual(['Loading T…']);
    busyActions.start('a', 'Loading T… 200 items');
    expect(labels()).toEqual(['Loading T… 200 items']);
    busyActions.start('b', 'Saving…');
    vi.advanceTimersByTime(BUSY_DELAY_MS);
    expect(labels()).toEqual(['Loading T… 200 items', 'Saving…']);
    busyActions.stop('a');
    busyActions.stop('b');
    expect(labels()).toEqual([]);
  });

  it('tracks a promise until it settles, rejected ones too', async () => {
    let fail!: (e: Error) => void;
    const p = busyActions.track('Importing…', new Promise<void>((_, r) => (fail = r)));
    vi.advanceTimersByTime(BUSY_DELAY_MS);
    expect(labels()).toEqual(['Importing…']);
    fail(new Error('bad file'));
    await expect(p).rejects.toThrow('bad file');
    expect(labels()).toEqual([]);
  });
});

describe('runVisibly', () => {
  // Frames are run by hand: each one runs the callbacks queued before it.
  let frames: FrameRequestCallback[] = [];
  const paintFrame = () => {
    const due = frames;
    frames = [];
    for (const cb of due) cb(0);
  };
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs a small action at once, inside the call, without showing anything', async () => {
    const seen: string[][] = [];
    const off = useBusyStore.subscribe((s) => seen.push(s.visible.map((t) => t.label)));
    let ran = false;
    const p = runVisibly('Staging 10 changes…', VISIBLE_RUN_MIN - 1, () => {
      ran = true;
      return 7;
    });
    expect(ran).toBe(true);
    expect(frames).toEqual([]);
    await expect(p).resolves.toBe(7);
    off();
    expect(seen).toEqual([]);
  });

  it("shows a large action's label, lets a frame paint, then runs it and hides the label", async () => {
    const order: string[] = [];
    const p = runVisibly('Staging 2,000 changes…', VISIBLE_RUN_MIN, () => {
      order.push(`ran while showing ${JSON.stringify(labels())}`);
      return 'done';
    });
    expect(labels()).toEqual(['Staging 2,000 changes…']);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual([]); // not before the frame
    paintFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['ran while showing ["Staging 2,000 changes…"]']);
    await expect(p).resolves.toBe('done');
    expect(labels()).toEqual([]);
  });

  it('still runs when no frame comes (a hidden window), and hides the label when the action throws', async () => {
    const p = runVisibly('Undoing 5,000 changes…', 5000, () => {
      throw new Error('bad step');
    });
    const settled = expect(p).rejects.toThrow('bad step');
    expect(labels()).toEqual(['Undoing 5,000 changes…']);
    await vi.advanceTimersByTimeAsync(100);
    await settled;
    expect(labels()).toEqual([]);
  });
});
