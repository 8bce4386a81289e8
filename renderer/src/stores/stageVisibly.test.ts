import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Item, KeySchema } from '../../../shared/dynamo/types';

vi.mock('../api/client', () => ({
  call: vi.fn(async (channel: string, input: { entries?: unknown[] }) => {
    if (channel === 'staging:apply') return { saved: input.entries?.length ?? 0, tables: 1, revision: 1 };
    throw new Error(`unexpected ${channel}`);
  }),
}));

const { stagingActions, useStagingStore, selectChangeCount } = await import('./stagingStore');
const { useBusyStore } = await import('./busyStore');
const { revertVisibly } = await import('./stageVisibly');

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const item = (id: string): Item => ({ id: { S: id }, v: { N: '1' } });
const labels = () => useBusyStore.getState().visible.map((t) => t.label);
const count = () => selectChangeCount(useStagingStore.getState());

describe('revertVisibly', () => {
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('names a big revert and lets it paint before the main thread reverts', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `r${i}`);
    const staged = stagingActions.stage(
      {
        type: 'batch',
        edits: ids.map((id) => ({
          type: 'putItem',
          connectionId: 'c',
          table: 'T',
          item: item(id),
        })),
      },
      [{ connectionId: 'c', table: 'T', keySchema: schema }],
    );
    expect(staged.ok).toBe(true);
    expect(count()).toBe(2000);
    const all = [...useStagingStore.getState().staging.changes.keys()];

    const done = revertVisibly(all, true);
    expect(labels()).toEqual(['Reverting 2,000 changes…']);
    expect(count()).toBe(2000); // not before a frame could paint the label
    for (const cb of frames.splice(0)) cb(0);
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(count()).toBe(0);
    expect(labels()).toEqual([]);
  });
});
