import { expect, test } from 'vitest';
import { AdaptiveConcurrency } from './concurrency';

test('slow start: one more call per clean response (doubling per round trip) up to the max', () => {
  const c = new AdaptiveConcurrency({ initial: 4, min: 1, max: 64 });
  for (let i = 0; i < 4; i++) c.onClean(100);
  expect(c.limit).toBe(8);
  for (let i = 0; i < 8; i++) c.onClean(100);
  expect(c.limit).toBe(16);
  for (let i = 0; i < 100; i++) c.onClean(100);
  expect(c.limit).toBe(64);
  expect(c.slowStart).toBe(false);
});

test('pushback halves (rounding up) once per window and ends slow start; then +1 per window', () => {
  const c = new AdaptiveConcurrency({ initial: 4, min: 1, max: 8 });
  c.onClean(10);
  expect(c.limit).toBe(5);
  c.onPressure(10, 12); // sent at 10, 12 sent so far
  expect(c.limit).toBe(3);
  c.onPressure(11, 12); // same window: no second cut
  expect(c.limit).toBe(3);
  c.onPressure(13, 14);
  expect(c.limit).toBe(2);
  c.onPressure(15, 15);
  expect(c.limit).toBe(1);
  c.onPressure(16, 16);
  expect(c.limit).toBe(1);
  c.onClean(10);
  expect(c.limit).toBe(1); // no more doubling
  c.onClean(10); // a window is at least two responses
  expect(c.limit).toBe(2);
  for (let i = 0; i < 100; i++) c.onClean(10);
  expect(c.limit).toBe(8);
  const fixed = new AdaptiveConcurrency({ initial: 2, min: 1, max: 8, cleanToGrow: 1 });
  fixed.onPressure(1, 1);
  fixed.onClean();
  expect(fixed.limit).toBe(2);
});

test('a response with some items back ends slow start without a cut', () => {
  const c = new AdaptiveConcurrency({ initial: 4, min: 1, max: 64 });
  c.onClean(10, false);
  expect(c.limit).toBe(4);
  expect(c.slowStart).toBe(false);
});

test('a rising round trip stops growth without a cut; growth resumes when it comes down', () => {
  const c = new AdaptiveConcurrency({ initial: 16, min: 1, max: 128 });
  for (let i = 0; i < 16; i++) c.onClean(100);
  expect(c.limit).toBe(32);
  // Queueing: the round trip climbs to 4x the least one. Growth stops, no cut.
  for (let i = 0; i < 100; i++) c.onClean(400);
  expect(c.slowStart).toBe(false);
  const held = c.limit;
  expect(held).toBeLessThan(48); // the smoothed round trip takes a few responses to pass 3x
  for (let i = 0; i < 300; i++) c.onClean(1000);
  expect(c.limit).toBe(held);
  // The round trip comes back down: growth resumes, +1 per window.
  for (let i = 0; i < 400; i++) c.onClean(100);
  expect(c.limit).toBeGreaterThan(held);
});
