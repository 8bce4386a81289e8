import { describe, expect, it } from 'vitest';
import type { Item } from '../dynamo/types';
import { createMatchMemo, itemMatches, quickFilterPattern } from './textFilter';

const item = {
  id: { S: 'T-00042' },
  amount: { N: '1234567890123456789012345678901234567.8' },
  tags: { SS: ['Billing', 'urgent'] },
  history: { L: [{ M: { by: { S: 'Fatima' }, at: { N: '17' } } }] },
  gone: { NULL: true as const },
};

describe('quick filter', () => {
  it('matches any value, nested ones and map keys too, ignoring case', () => {
    const m = (t: string) => itemMatches(item, quickFilterPattern(t) as RegExp);
    expect(m('t-000')).toBe(true);
    expect(m('567.8')).toBe(true);
    expect(m('billing')).toBe(true);
    expect(m('fatima')).toBe(true);
    expect(m('by')).toBe(true);
    expect(m('null')).toBe(true);
    expect(m('nobody')).toBe(false);
  });
  it('treats the text literally', () => {
    expect(itemMatches(item, quickFilterPattern('T-0.042') as RegExp)).toBe(false);
    expect(quickFilterPattern('  ')).toBeNull();
  });

  it("remembers each item's answer per pattern: after a bulk edit only the changed rows are tested again", () => {
    const memo = createMatchMemo();
    const items: Item[] = Array.from({ length: 100 }, (_, i) => ({
      id: { S: `r${i}` },
      cohort: { S: `cohort-${i % 10}x` },
    }));
    let tests = 0;
    const counted = (text: string) => {
      const re = quickFilterPattern(text) as RegExp;
      const test = re.test.bind(re);
      re.test = (s: string) => (tests++, test(s));
      return re;
    };
    const re = counted('cohort-3x');
    expect(items.filter((it) => memo(it, re))).toHaveLength(10);
    const first = tests;
    expect(first).toBeGreaterThan(100);
    // A staged image replaces 10 rows (new objects); the other 90 are the same objects.
    const next = items.map((it, i) => (i % 10 === 3 ? { ...it, status: { S: 'bulk' } } : it));
    tests = 0;
    expect(next.filter((it) => memo(it, counted('cohort-3x')))).toHaveLength(10);
    expect(tests).toBeLessThanOrEqual(10 * 3);
    // Another pattern starts over.
    tests = 0;
    expect(next.filter((it) => memo(it, counted('bulk')))).toHaveLength(10);
    expect(tests).toBeGreaterThan(100);
  });

  it('on a pass over rows it filtered before, a new row holding a value that matched matches without a test', () => {
    const memo = createMatchMemo();
    const items: Item[] = Array.from({ length: 20 }, (_, i) => ({
      id: { S: `r${i}` },
      note: { S: `a note on row ${i} `.repeat(10) },
      cohort: { S: `cohort-${i % 10}x` },
    }));
    let tests = 0;
    const re = quickFilterPattern('cohort-3x') as RegExp;
    const test = re.test.bind(re);
    re.test = (s: string) => (tests++, test(s));
    expect(items.filter((it) => memo(it, re))).toHaveLength(2);
    // Bulk set on the two matching rows: new images keep their unchanged value objects.
    const staged = items.map((it, i) => (i % 10 === 3 ? { ...it, status: { S: 'bulk' } } : it));
    tests = 0;
    expect(staged.filter((it) => memo(it, re, true))).toHaveLength(2);
    expect(tests).toBe(0);
    // A new image whose matching value was replaced is tested again, and no longer matches.
    const moved = { ...items[3]!, cohort: { S: 'cohort-4x' } };
    expect(memo(moved, re, true)).toBe(false);
    // One that gains a matching value (a new object) is tested, and matches.
    const gained = { ...items[4]!, status: { S: 'now COHORT-3X' } };
    tests = 0;
    expect(memo(gained, re, true)).toBe(true);
    expect(tests).toBeGreaterThan(0);
    // Without `reuse` (a first pass) a new row is always tested.
    const again = { ...items[13]! };
    tests = 0;
    expect(memo(again, re)).toBe(true);
    expect(tests).toBeGreaterThan(0);
  });
});
