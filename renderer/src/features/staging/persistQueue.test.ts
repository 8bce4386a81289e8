import { describe, expect, it } from 'vitest';
import type { StagingEntry } from '../../../../shared/contract/staging';
import { CHUNK, CHUNK_BYTES, createPersistQueue, takeBatch } from './persistQueue';
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
  it('counts a deferred save as unsaved from the moment it is deferred (the save dot, leaving the page)', async () => {
    const statuses: PersistStatus[] = [];
    let later: (() => void) | null = null;
    const q = createPersistQueue(
      async () => {},
      (s) => statuses.push(s),
      undefined,
      (run) => void (later = run),
    );
    q.defer([entry('a'), entry('b')]);
    expect(statuses.at(-1)).toEqual({ saving: false, unsaved: 2, error: null });
    (later as (() => void) | null)?.();
    await q.idle();
    expect(statuses.at(-1)).toEqual({ saving: false, unsaved: 0, error: null });
  });

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

  it('saves a bulk edit of 10,000 items of about 2.5 KB in one write (its table file written once)', async () => {
    const sizes: number[] = [];
    const q = createPersistQueue(
      async (entries) => void sizes.push(entries.length),
      () => {},
    );
    const body = 'x'.repeat(2400);
    q.push(Array.from({ length: 10_000 }, (_, i) => entry(`k${i}`, body)));
    await q.idle();
    expect(sizes).toEqual([10_000]);
  });

  it('keeps every write under CHUNK_BYTES of UTF-8 JSON (the web host limits bodies to 32 MiB)', async () => {
    const bodies: number[] = [];
    const q = createPersistQueue(
      async (entries) =>
        void bodies.push(new TextEncoder().encode(JSON.stringify({ entries })).length),
      () => {},
    );
    // Three-byte characters: 1 MiB of characters is 3 MiB on the wire.
    const body = '東'.repeat(1024 * 1024);
    q.push(Array.from({ length: 20 }, (_, i) => entry(`k${i}`, body)));
    await q.idle();
    expect(bodies.length).toBeGreaterThan(2);
    for (const b of bodies) expect(b).toBeLessThanOrEqual(CHUNK_BYTES + 100);
    expect(CHUNK_BYTES + 100).toBeLessThan(32 * 1024 * 1024);
  });

  it('hands each write the JSON text of its entries, serialised once, for the transport to send as it is', async () => {
    const writes: { entries: StagingEntry[]; body: string }[] = [];
    const q = createPersistQueue(
      async (entries, body) => void writes.push({ entries, body }),
      () => {},
    );
    const odd = JSON.parse('{"__proto__":{"S":"p"},"n":{"N":"1.50"},"s":{"SS":["東","a"]}}');
    q.push([entry('a', '1'), { ...entry('b'), change: { kind: 'put', connectionId: 'c', table: 'T', key: { id: { S: 'b' } }, item: odd } }]);
    await q.idle();
    expect(writes).toHaveLength(1);
    const { entries, body } = writes[0]!;
    expect(body).toBe(JSON.stringify({ entries }));
    const back = JSON.parse(body).entries[1].change.item;
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ S: 'p' });
  });

  it('a deferred save is written when scheduled, in order: a push made before then follows it', async () => {
    const writes: string[][] = [];
    const scheduled: (() => void)[] = [];
    const q = createPersistQueue(
      async (entries) => void writes.push(entries.map((e) => `${e.id}:${e.change?.kind === 'put' ? (e.change.item.v as { S: string } | undefined)?.S : 'gone'}`)),
      () => {},
      undefined,
      (run) => void scheduled.push(run),
    );
    q.defer([entry('a'), entry('b')]);
    expect(writes).toEqual([]);
    q.push([entry('a', '2')]); // the deferred entries go first; a's later value wins
    await q.idle();
    expect(writes).toEqual([['b:gone', 'a:2']]);
    q.defer([entry('c')]);
    scheduled.at(-1)!();
    await q.idle();
    expect(writes.at(-1)).toEqual(['c:gone']);
    q.defer([entry('d')]);
    await q.idle(); // idle writes what is deferred: saved() before a commit sees it
    expect(writes.at(-1)).toEqual(['d:gone']);
  });

  it('takeBatch: the first write of a list, by count and UTF-8 bytes, never empty, one text per entry', () => {
    const big = entry('big', '東'.repeat(12 * 1024 * 1024)); // 36 MiB on the wire: alone, still sent
    const one = takeBatch([big, entry('a')], JSON.stringify);
    expect(one.batch.map((e) => e.id)).toEqual(['big']);
    const mid = entry('m', '東'.repeat(4 * 1024 * 1024)); // 12 MiB: two fit, not three
    const two = takeBatch([mid, { ...mid, id: 'm2' }, { ...mid, id: 'm3' }], JSON.stringify);
    expect(two.batch.map((e) => e.id)).toEqual(['m', 'm2']);
    expect(JSON.parse(two.body)).toEqual({ entries: two.batch });
    const many = Array.from({ length: CHUNK + 5 }, (_, i) => entry(`k${i}`));
    let encoded = 0;
    const b = takeBatch(many, (e) => (encoded++, JSON.stringify(e)));
    expect(b.batch.length).toBe(CHUNK);
    expect(encoded).toBe(CHUNK);
  });
});

