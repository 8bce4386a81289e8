import { describe, expect, it } from 'vitest';
import { childPath, describePath, indexPath } from './path';

describe('attribute paths', () => {
  it('joins names with dots and indexes with brackets, quoting odd names', () => {
    expect(indexPath(childPath(childPath('', 'history'), 'x'), 2)).toBe('history.x[2]');
    expect(childPath(indexPath('history', 2), 'note')).toBe('history[2].note');
    expect(childPath('', 'a.b')).toBe('["a.b"]');
    expect(childPath('m', 'has space')).toBe('m["has space"]');
    expect(childPath('', '')).toBe('[""]');
    expect(describePath('')).toBe('the item');
  });
});
