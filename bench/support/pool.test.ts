import { expect, test } from 'vitest';
import { runPool } from './pool';

test('runPool keeps at most `limit` jobs in flight and runs each once', async () => {
  let inFlight = 0;
  let most = 0;
  const done: number[] = [];
  await runPool([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, async (n) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise<void>((r) => setImmediate(r));
    done.push(n);
    inFlight--;
  });
  expect(most).toBe(4);
  expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('after a failure no new job starts, in-flight ones finish, the first error is thrown', async () => {
  const started: number[] = [];
  const finished: number[] = [];
  const run = runPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
    started.push(n);
    await new Promise<void>((r) => setImmediate(r));
    if (n === 1) throw new Error('job 1 failed');
    finished.push(n);
  });
  await expect(run).rejects.toThrow('job 1 failed');
  expect(started).toEqual([1, 2]);
  expect(finished).toEqual([2]);
});
