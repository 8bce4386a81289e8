import { describe, expect, it } from 'vitest';
import { visibleNodes } from './treeNodes';

const item = {
  id: { S: 'a' },
  history: { L: [{ M: { at: { N: '1767225600' }, by: { S: 'ana' } } }, { S: 'x' }] },
  tags: { SS: ['p', 'q'] },
};

const rows = (expanded: string[]) =>
  visibleNodes(item, new Set(expanded)).map((n) => [n.label, n.level, n.pos, n.size, !!n.children]);

describe('visibleNodes', () => {
  it('lists top-level attributes, maps and lists closed; sets are leaves', () => {
    expect(rows([])).toEqual([
      ['id', 1, 1, 3, false],
      ['history', 1, 2, 3, true],
      ['tags', 1, 3, 3, false],
    ]);
  });

  it('opens lists by index and maps by key, depth first', () => {
    const open = ['history', 'history\u0000[0]'];
    expect(rows(open)).toEqual([
      ['id', 1, 1, 3, false],
      ['history', 1, 2, 3, true],
      ['[0]', 2, 1, 2, true],
      ['at', 3, 1, 2, false],
      ['by', 3, 2, 2, false],
      ['[1]', 2, 2, 2, false],
      ['tags', 1, 3, 3, false],
    ]);
    const at = visibleNodes(item, new Set(open))[3]!;
    expect(at.parent).toBe('history\u0000[0]');
  });

  it('keeps an attribute named __proto__', () => {
    const odd = Object.create(null) as Record<string, { S: string }>;
    odd['__proto__'] = { S: 'p' };
    expect(visibleNodes(odd, new Set()).map((n) => n.label)).toEqual(['__proto__']);
  });
});
