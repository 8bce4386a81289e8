import { describe, expect, it } from 'vitest';
import { Carry } from './carry';

/** One call: the values found for `keys`, each then kept as `key + n`. */
function call(c: Carry<string, string>, keys: string[], n: number): (string | undefined)[] {
  c.begin();
  const found = keys.map((k) => {
    const v = c.find(k);
    c.keep(k, k + n);
    return v;
  });
  c.end();
  return found;
}

describe('Carry', () => {
  it('finds the last call values of keys that stayed in order, skipping removed ones', () => {
    const c = new Carry<string, string>();
    expect(call(c, ['a', 'b', 'c', 'd'], 1)).toEqual([undefined, undefined, undefined, undefined]);
    // b removed, e appended: a, c and d found.
    expect(call(c, ['a', 'c', 'd', 'e'], 2)).toEqual(['a1', 'c1', 'd1', undefined]);
    expect(c.last).toEqual(['a2', 'c2', 'd2', 'e2']);
  });

  it('looks nothing up after a key the last call did not have', () => {
    const c = new Carry<string, string>();
    call(c, ['a', 'b', 'c'], 1);
    // x is new in the middle (only a rebuilt map puts one there): b and c are not found after it.
    expect(call(c, ['a', 'x', 'b', 'c'], 2)).toEqual(['a1', undefined, undefined, undefined]);
    // Out of order: c found, then a is behind it.
    expect(call(c, ['c', 'a'], 3)).toEqual(['c2', undefined]);
  });

  it('forgets what an unfinished call kept', () => {
    const c = new Carry<string, string>();
    call(c, ['a'], 1);
    c.begin();
    c.keep('z', 'z9'); // never ended
    expect(call(c, ['a', 'z'], 2)).toEqual(['a1', undefined]);
  });
});
