import { expect, test } from 'vitest';
import { backoffCeiling, backoffDelay, backoffOptions, DEFAULT_BACKOFF } from './backoff';

test('defaults: base 100 ms, cap 10 s, 10 rounds', () => {
  expect(DEFAULT_BACKOFF).toEqual({ baseMs: 100, capMs: 10_000, maxRounds: 10 });
  expect(backoffOptions({ baseMs: 5 })).toEqual({ baseMs: 5, capMs: 10_000, maxRounds: 10 });
});

test('the ceiling doubles per round up to the cap', () => {
  expect([0, 1, 2, 3, 6, 7, 50].map((r) => backoffCeiling(r))).toEqual([
    100, 200, 400, 800, 6400, 10_000, 10_000,
  ]);
  expect(backoffCeiling(3, { baseMs: 1, capMs: 5 })).toBe(5);
});

test('full jitter: uniform between 0 and the ceiling, from the injected random', () => {
  expect(backoffDelay(2, {}, () => 0)).toBe(0);
  expect(backoffDelay(2, {}, () => 0.5)).toBe(200);
  expect(backoffDelay(2, {}, () => 0.999)).toBeCloseTo(399.6);
  const draws = Array.from({ length: 1000 }, () => backoffDelay(4));
  expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...draws)).toBeLessThan(1600);
});
