import { describe, expect, it } from 'vitest';
import type { StagingEntry } from '../../../../shared/contract/staging';
import { CHUNK, createPersistQueue } from './persistQueue';
import type { PersistStatus } from './persistQueue';

const entry = (id: string, v?: string): StagingEntry => ({
  id,
  connectionId: 'c',
  table: 'T',
  ...(v
    ? {
        change: {
          kind: 'put',
          connectionId: 'c',
          table: 'T',
          key: { id: { S: id } },
          item: { id: { S: id }, v: { S: v } },
        },
      }
    : {}),
});

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('persist queue', () => {
  it('writes one batch at a time, in order, coalescing ids pushed meanwhile to their latest value', async () => {
    const writes: StagingEntry[][] = [];
    const gates = [deferred(), deferred()];
    const q = createPersistQueue(
      async (entries) => {
        writes.push(entries);
        await gates[writes.length - 1]?.promise;
      },
      () => {},
    );
    q.push([entry('a', '1')]);
    q.push([entry('b', '1'), entry('a', '2')]);
    q.push([entry('a')]);
    gates[0]!.resolve();
    gates[1]!.resolve();
    await q.idle();
    expect(writes.map((w) => w.map((e) => `${e.id}:${e.change ? 'put' : 'gone'}`))).toEqual([
      ['a:put'],
      ['b:put', 'a:gone'],
    ]);
  });

  it('keeps failed entries, reports the error, and retries them (newer values win)', async () => {
    const statuses: PersistStatus[] = [];
    let fail = true;
    const written: string[] = [];
    const q = createPersistQueue(
      async (entries) => {
        if (fail) throw new Error('disk full');
        written.push(
          ...entries.map(
            (e) =>
              `${e.id}:${e.change?.kind === 'put' && 'v' in e.change.item ? JSON.stringify(e.change.item.v) : '-'}`,
          ),
        );
      },
      (s) => statuses.push(s),
      () => 60_000,
    );
    q.push([entry('a', '1'), entry('b', '1')]);
    await q.idle();
    expect(statuses.at(-1)).toEqual({ saving: false, unsaved: 2, error: 'disk full' });
    q.push([entry('a', '2')]); // waits for the retry
    fail = false;
    q.retry();
    await q.idle();
    expect(written.sort()).toEqual(['a:{"S":"2"}', 'b:{"S":"1"}']);
    expect(statuses.at(-1)).toEqual({ saving: false, unsaved: 0, error: null });
  });

  it(`splits large pushes into writes of ${CHUNK} entries`, async () => {
    const sizes: number[] = [];
    const q = createPersistQueue(
      async (entries) => void sizes.push(entries.length),
      () => {},
    );
    q.push(Array.from({ length: CHUNK * 2 + 1 }, (_, i) => entry(`k${i}`, 'x')));
    await q.idle();
    expect(sizes).toEqual([CHUNK, CHUNK, 1]);
  });
});
