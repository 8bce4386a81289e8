import { expect, test } from 'vitest';
import { flushDelay } from './flushPace';

test('pages are handed to the grid every 150 ms, less often as the rows grow (a filtered or sorted grid passes over every loaded row per hand-over)', () => {
  expect(flushDelay(0)).toBe(150);
  expect(flushDelay(100_000)).toBe(150);
  expect(flushDelay(300_000)).toBe(300);
  expect(flushDelay(600_000)).toBe(600);
  expect(flushDelay(1_000_000)).toBe(1000);
  expect(flushDelay(5_000_000)).toBe(1000);
});
