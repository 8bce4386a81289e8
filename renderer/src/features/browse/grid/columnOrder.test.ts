import { describe, expect, it } from 'vitest';
import { effectiveOrder, moveColumn, shiftColumn } from './columnOrder';

describe('moveColumn', () => {
  const order = ['a', 'b', 'c', 'd'];
  it('lands before the target when moving left and after it when moving right', () => {
    expect(moveColumn(order, 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(moveColumn(order, 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
  });
  it('keeps the order for unknown ids or a drop on itself', () => {
    expect(moveColumn(order, 'x', 'b')).toEqual(order);
    expect(moveColumn(order, 'b', 'b')).toEqual(order);
  });
  it('shifts one place within bounds', () => {
    expect(shiftColumn(order, 'b', -1)).toEqual(['b', 'a', 'c', 'd']);
    expect(shiftColumn(order, 'b', 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(shiftColumn(order, 'a', -1)).toEqual(order);
    expect(shiftColumn(order, 'd', 1)).toEqual(order);
  });
});

describe('effectiveOrder', () => {
  it('puts listed ids first and keeps the rest in natural order', () => {
    expect(effectiveOrder(['k', 'a', 'b', 'c'], ['k', 'c', 'x'])).toEqual(['k', 'c', 'a', 'b']);
  });
});
