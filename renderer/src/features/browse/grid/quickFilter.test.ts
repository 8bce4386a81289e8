import { describe, expect, it } from 'vitest';
import { itemMatches, quickFilterPattern } from './quickFilter';

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
});
