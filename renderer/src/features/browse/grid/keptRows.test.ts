import { describe, expect, test } from 'vitest';
import { createKeptRows } from './keptRows';

interface R {
  v: string;
}
const rowsOf = (...vs: string[]): R[] => vs.map((v) => ({ v }));

describe('createKeptRows', () => {
  test('a second pass with the same test tests only the rows that changed or moved', () => {
    const kept = createKeptRows<R>();
    const tested: string[] = [];
    const hasA = (r: R) => {
      tested.push(r.v);
      return r.v.includes('a');
    };
    const first = rowsOf('a1', 'b1', 'a2', 'b2');
    expect(kept.filter(first, 'a', hasA).map((r) => r.v)).toEqual(['a1', 'a2']);
    expect(tested).toEqual(['a1', 'b1', 'a2', 'b2']);
    tested.length = 0;
    // Row 1 replaced (an edit), a row appended (a load): the rest are the same objects.
    const second = [first[0]!, { v: 'a3' }, first[2]!, first[3]!, { v: 'b4' }];
    expect(kept.filter(second, 'a', hasA).map((r) => r.v)).toEqual(['a1', 'a3', 'a2']);
    expect(tested).toEqual(['a3', 'b4']);
  });

  test('another test, or rows at other positions, are tested again', () => {
    const kept = createKeptRows<R>();
    const rows = rowsOf('a1', 'b1');
    kept.filter(rows, 'a', (r) => r.v.includes('a'));
    const seen: [string, boolean][] = [];
    const byB = kept.filter(rows, 'b', (r, same) => {
      seen.push([r.v, same]);
      return r.v.includes('b');
    });
    expect(byB.map((r) => r.v)).toEqual(['b1']);
    expect(seen).toEqual([
      ['a1', false],
      ['b1', false],
    ]);
    seen.length = 0;
    // The same rows in another order (a removal shifted them): tested, with the same test.
    const swapped = [rows[1]!, rows[0]!];
    expect(kept.filter(swapped, 'b', (r, same) => (seen.push([r.v, same]), r.v.includes('b'))).map((r) => r.v)).toEqual(['b1']);
    expect(seen).toEqual([
      ['b1', true],
      ['a1', true],
    ]);
  });

  test('a kept answer can be a row left out: it stays out without a test', () => {
    const kept = createKeptRows<R>();
    const rows = rowsOf('x', 'y');
    kept.filter(rows, 'y', (r) => r.v === 'y');
    let tests = 0;
    expect(kept.filter(rows, 'y', () => (tests++, true)).map((r) => r.v)).toEqual(['y']);
    expect(tests).toBe(0);
    // Forgotten (the filter cleared): the next pass tests every row again.
    kept.forget();
    const again: [string, boolean][] = [];
    kept.filter(rows, 'y', (r, same) => (again.push([r.v, same]), r.v === 'y'));
    expect(again).toEqual([
      ['x', false],
      ['y', false],
    ]);
  });

  test('rows appended to the same array since the last pass (a load grows it in place) are tested', () => {
    const kept = createKeptRows<R>();
    const rows = rowsOf('a1', 'b1');
    const hasA = (r: R) => r.v.includes('a');
    expect(kept.filter(rows, 'a', hasA).map((r) => r.v)).toEqual(['a1']);
    rows.push({ v: 'a2' }, { v: 'b2' });
    const tested: string[] = [];
    const out = kept.filter(rows, 'a', (r) => (tested.push(r.v), hasA(r)));
    expect(out.map((r) => r.v)).toEqual(['a1', 'a2']);
    expect(tested).toEqual(['a2', 'b2']);
  });
});
