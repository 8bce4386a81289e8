import { describe, expect, it } from 'vitest';
import { INVALID_ITEMS, RULES_TABLE } from './invalidItems';
import { describeWriteIssues, InvalidWritesError, keyText, validateWrites } from './writes';

const tables = { Rules: RULES_TABLE };

describe('validateWrites', () => {
  it.each(INVALID_ITEMS)(
    'refuses a put with %s, naming table, key and attribute',
    (_r, item, code) => {
      const issues = validateWrites([{ id: 'line 1', table: 'Rules', kind: 'put', item }], tables);
      expect(issues.map((i) => i.code)).toEqual([code]);
      expect(issues[0]?.table).toBe('Rules');
    },
  );

  it('accepts valid puts, a leading + on numbers, and deletes by key alone', () => {
    const item = { id: { S: 'a' }, at: { N: '+1' }, n: { N: '+2.5e3' }, status: { S: 'open' } };
    expect(validateWrites([{ id: '1', table: 'Rules', kind: 'put', item }], tables)).toEqual([]);
    // A delete sends only its key: an empty set beside it is never sent.
    const key = { id: { S: 'a' }, at: { N: '1' }, tags: { SS: [] } };
    expect(validateWrites([{ id: '2', table: 'Rules', kind: 'delete', key }], tables)).toEqual([]);
    const bad = { id: { S: '' }, at: { N: '1' } };
    const issues = validateWrites([{ id: '3', table: 'Rules', kind: 'delete', key: bad }], tables);
    expect(issues.map((i) => i.code)).toEqual(['key-empty']);
  });

  it('says so when a table is unknown', () => {
    const issues = validateWrites([{ id: '1', table: 'Nope', kind: 'put', item: {} }], tables);
    expect(issues).toMatchObject([
      { code: 'no-schema', message: 'The key schema of Nope is not known.' },
    ]);
  });

  it('describes each problem as one line, and the error lists them all', () => {
    const issues = validateWrites(
      [
        {
          id: 'line 4',
          table: 'Rules',
          kind: 'put',
          item: { id: { S: 'x' }, at: { N: '2' }, s: { SS: ['a', 'a'] } },
        },
      ],
      tables,
    );
    expect(describeWriteIssues(issues)).toEqual([
      'Rules [id=x, at=2] (line 4): s (string set) holds "a" twice; set members must differ.',
    ]);
    const err = new InvalidWritesError(issues);
    expect(err.name).toBe('BadInput');
    expect(err.message.split('\n')).toEqual([
      'Nothing was sent: 1 problem DynamoDB would reject.',
      'Rules [id=x, at=2] (line 4): s (string set) holds "a" twice; set members must differ.',
    ]);
    expect(keyText({})).toBe('(no key)');
  });
});
