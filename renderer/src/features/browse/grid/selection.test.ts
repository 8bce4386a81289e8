import { describe, expect, it } from 'vitest';
import { clickSelection, countShownSelected, selectAll } from './selection';

const ids = ['a', 'b', 'c', 'd', 'e'];
const at = (i: number) => ids[i] as string;
const plain = { range: false, toggle: false };

describe('clickSelection', () => {
  it('selects the clicked row alone on a plain click', () => {
    const r = clickSelection({ a: true, b: true }, 0, 2, at, plain);
    expect(r).toEqual({ selection: { c: true }, anchor: 'c' });
  });

  it('toggles with ctrl/cmd and moves the anchor', () => {
    const on = clickSelection({ a: true }, 0, 3, at, { range: false, toggle: true });
    expect(on).toEqual({ selection: { a: true, d: true }, anchor: 'd' });
    const off = clickSelection(on.selection, 3, 0, at, { range: false, toggle: true });
    expect(off.selection).toEqual({ d: true });
  });

  it('selects the inclusive range from the anchor with shift, in either direction', () => {
    expect(clickSelection({ a: true }, 1, 3, at, { range: true, toggle: false })).toEqual({
      selection: { b: true, c: true, d: true },
      anchor: 'b',
    });
    expect(clickSelection({}, 4, 2, at, { range: true, toggle: false }).selection).toEqual({
      c: true,
      d: true,
      e: true,
    });
  });

  it('adds the range to the selection with shift+ctrl', () => {
    const r = clickSelection({ a: true }, 2, 3, at, { range: true, toggle: true });
    expect(r.selection).toEqual({ a: true, c: true, d: true });
  });

  it('treats shift without a shown anchor as a plain click', () => {
    expect(
      clickSelection({ a: true }, -1, 2, at, { range: true, toggle: false }).selection,
    ).toEqual({
      c: true,
    });
  });
});

describe('selectAll and countShownSelected', () => {
  it('selects every shown row and counts only shown ones', () => {
    expect(selectAll(3, at)).toEqual({ a: true, b: true, c: true });
    expect(countShownSelected({ a: true, e: true, z: true }, 3, at)).toBe(1);
  });
});
