import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_DELAY_MS, busyActions, useBusyStore } from './busyStore';

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
