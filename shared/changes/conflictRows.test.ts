import { describe, expect, it } from 'vitest';
import { conflictRows } from './conflictRows';

const loaded = {
  id: { S: 't1' },
  subject: { S: 'old' },
  priority: { N: '1' },
  tags: { SS: ['a'] },
};

describe('conflictRows', () => {
  it('marks the attributes each side changed and the ones both changed differently', () => {
    const server = { ...loaded, subject: { S: 'theirs' }, priority: { N: '2' } };
    const staged = { ...loaded, subject: { S: 'mine' }, note: { S: 'added' } };
    const rows = conflictRows(loaded, server, staged);
    expect(rows.map((r) => [r.name, r.yours, r.theirs, r.clash])).toEqual([
      ['subject', true, true, true],
      ['priority', false, true, false],
      ['note', true, false, false],
    ]);
    expect(rows[0]).toMatchObject({
      loaded: { S: 'old' },
      server: { S: 'theirs' },
      staged: { S: 'mine' },
    });
  });

  it('does not call it a clash when both made the same change; sets compare as sets', () => {
    const server = { ...loaded, tags: { SS: ['b', 'a'] } };
    const staged = { ...loaded, tags: { SS: ['a', 'b'] } };
    expect(conflictRows(loaded, server, staged)).toEqual([
      expect.objectContaining({ name: 'tags', yours: true, theirs: true, clash: false }),
    ]);
  });

  it('a staged delete makes every loaded attribute yours; a deleted server item every one theirs', () => {
    const rows = conflictRows(loaded, { ...loaded, subject: { S: 'x' } }, null);
    expect(rows.every((r) => r.yours)).toBe(true);
    expect(rows.find((r) => r.name === 'subject')?.clash).toBe(true);
    const gone = conflictRows(loaded, null, { ...loaded, subject: { S: 'mine' } });
    expect(gone.every((r) => r.theirs)).toBe(true);
  });

  it('keeps an attribute named __proto__', () => {
    const l = JSON.parse('{"id":{"S":"1"},"__proto__":{"S":"a"}}');
    const s = JSON.parse('{"id":{"S":"1"},"__proto__":{"S":"b"}}');
    expect(conflictRows(l, s, l).map((r) => r.name)).toEqual(['__proto__']);
  });
});
