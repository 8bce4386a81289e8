import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { backoffOptions } from '../../shared/retry/backoff';
import { Backlog } from './backlog';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Op = { name: string; rounds: number };
const op = (name: string, rounds = 0): Op => ({ name, rounds });

test('each operation waits out its own round: full jitter of base * 2^(round - 1)', () => {
  const ready: string[][] = [];
  const backlog = new Backlog<Op>(
    backoffOptions({ baseMs: 100 }),
    () => 0.5,
    () => ready.push(backlog.ready.map((o) => o.name)),
  );
  // Handed back together, but one is on its first retry and one on its third.
  const { over, deepest } = backlog.requeue([op('fresh'), op('old', 2)]);
  expect(over).toEqual([]);
  expect(deepest).toBe(3);
  expect(backlog.waiting).toBe(2);
  vi.advanceTimersByTime(49);
  expect(ready).toEqual([]);
  vi.advanceTimersByTime(1); // round 1: 0.5 * 100
  expect(ready).toEqual([['fresh']]);
  vi.advanceTimersByTime(149); // round 3: 0.5 * 400
  expect(ready).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(ready).toEqual([['fresh'], ['fresh', 'old']]);
  expect(backlog.waiting).toBe(0);
});

test('operations past the last round are returned, not scheduled', () => {
  const backlog = new Backlog<Op>(
    backoffOptions({ maxRounds: 2 }),
    () => 0,
    () => {},
  );
  const { over, deepest } = backlog.requeue([op('a', 1), op('b', 2)]);
  expect(over.map((o) => o.name)).toEqual(['b']);
  expect(deepest).toBe(2);
  expect(backlog.waiting).toBe(1);
});

test('clear stops every timer and hands back what waited and what was ready', () => {
  const onReady = vi.fn();
  const backlog = new Backlog<Op>(backoffOptions(), () => 0.9, onReady);
  backlog.requeue([op('a'), op('b', 4)]);
  backlog.ready.push(op('c', 1));
  expect(
    backlog
      .clear()
      .map((o) => o.name)
      .sort(),
  ).toEqual(['a', 'b', 'c']);
  expect(backlog.waiting).toBe(0);
  expect(backlog.ready).toEqual([]);
  vi.advanceTimersByTime(60_000);
  expect(onReady).not.toHaveBeenCalled();
});
