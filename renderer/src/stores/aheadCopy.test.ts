import { describe, expect, it } from 'vitest';
import { AheadCopy } from './aheadCopy';

function manual() {
  const tasks: (() => void)[] = [];
  return { later: (run: () => void) => void tasks.push(run), runOne: () => tasks.shift()?.(), tasks };
}

describe('AheadCopy', () => {
  const big = Array.from({ length: 200_000 }, (_, i) => ({ i }));

  it('copies a big array a slice per task, and take hands over that copy', () => {
    const m = manual();
    const ahead = new AheadCopy<{ i: number }>(m.later);
    ahead.prepare(big);
    expect(ahead.ready(big)).toBe(false);
    let tasks = 0;
    while (m.tasks.length > 0) {
      m.runOne();
      tasks++;
    }
    expect(tasks).toBeGreaterThan(1);
    expect(ahead.ready(big)).toBe(true);
    const copy = ahead.take(big);
    expect(copy).not.toBe(big);
    expect(copy).toHaveLength(big.length);
    expect(copy.every((x, i) => x === big[i])).toBe(true);
  });

  it('finishes an unfinished copy on take, and copies any other array plainly', () => {
    const m = manual();
    const ahead = new AheadCopy<{ i: number }>(m.later);
    ahead.prepare(big);
    m.runOne();
    const copy = ahead.take(big);
    expect(copy.every((x, i) => x === big[i]) && copy.length === big.length).toBe(true);
    const other = big.slice(0, 10);
    const plain = ahead.take(other);
    expect(plain).toEqual(other);
    expect(plain).not.toBe(other);
    ahead.prepare(other); // small: nothing is prepared
    while (m.tasks.length > 0) m.runOne();
    expect(ahead.ready(other)).toBe(false);
    expect(ahead.take(big)).toEqual(big); // taken again: a fresh copy, not the one handed over
  });
});
