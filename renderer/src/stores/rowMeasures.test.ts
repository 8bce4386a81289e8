import { describe, expect, it } from 'vitest';
import { RowMeasures } from './rowMeasures';

describe('RowMeasures', () => {
  it('keeps figures by position, null for an item not in common form, and forgets a cleared row', () => {
    const m = new RowMeasures();
    expect(m.get(0)).toBeUndefined();
    m.set(3, { size: 120, jsonBytes: 250, count: 4 });
    m.set(5000, null); // past the first capacity: the arrays grow, earlier figures stay
    expect(m.get(3)).toEqual({ size: 120, jsonBytes: 250, count: 4 });
    expect(m.get(5000)).toBeNull();
    expect(m.has(5000)).toBe(true);
    expect(m.get(4)).toBeUndefined();
    expect(m.has(4)).toBe(false);
    m.set(7, { size: 0, jsonBytes: 2, count: 0 }); // an empty item is measured, not unmeasured
    expect(m.get(7)).toEqual({ size: 0, jsonBytes: 2, count: 0 });
    m.clear(3);
    expect(m.get(3)).toBeUndefined();
    m.clear(1_000_000); // beyond the arrays: nothing to forget
  });
});
