import { describe, expect, test } from 'vitest';
import { describeStatement, errorPosition, statementKey } from './statement';

describe('describeStatement', () => {
  test('kinds, tables, indexes and placeholders', () => {
    expect(describeStatement('SELECT * FROM "SupportTickets" WHERE ticketId = ?')).toEqual({
      kind: 'SELECT',
      table: 'SupportTickets',
      selectsAll: true,
      placeholders: 1,
    });
    expect(describeStatement('select a, b from "T"."byStatus" where status = ? and x > ?')).toMatchObject({
      kind: 'SELECT',
      table: 'T',
      index: 'byStatus',
      selectsAll: false,
      placeholders: 2,
    });
    expect(describeStatement("  -- note\n INSERT INTO Orders VALUE {'id': ?, 'q': 'what?'}")).toMatchObject({
      kind: 'INSERT',
      table: 'Orders',
      placeholders: 1,
    });
    expect(describeStatement('UPDATE "a""b" SET x = 1 WHERE id = ?')).toMatchObject({ kind: 'UPDATE', table: 'a"b' });
    expect(describeStatement('DELETE FROM "T" WHERE id = \'?\'')).toMatchObject({ kind: 'DELETE', table: 'T', placeholders: 0 });
    expect(describeStatement('EXISTS(SELECT * FROM T)').kind).toBe('UNKNOWN');
    expect(describeStatement('').kind).toBe('UNKNOWN');
  });
});

describe('statementKey', () => {
  const keys = ['pk', 'sk'];
  test('WHERE with parameters and literals, either side of =', () => {
    expect(statementKey('UPDATE "T" SET v = ? WHERE pk = ? AND ? = sk', [{ S: 'v' }, { S: 'a' }, { N: '1' }], keys)).toEqual({
      pk: { S: 'a' },
      sk: { N: '1' },
    });
    expect(statementKey("DELETE FROM \"T\" WHERE \"pk\" = 'it''s' AND sk = -1.5e3", [], keys)).toEqual({
      pk: { S: "it's" },
      sk: { N: '-1.5e3' },
    });
  });
  test('INSERT VALUE tuple: top-level names only', () => {
    expect(
      statementKey("INSERT INTO \"T\" VALUE {'pk': ?, 'm': {'sk': 9}, 'sk': 2}", [{ B: 'AAE=' }], keys),
    ).toEqual({ pk: { B: 'AAE=' }, sk: { N: '2' } });
  });
  test('a key attribute named __proto__ is found as an attribute, and missing when not pinned', () => {
    const got = statementKey('DELETE FROM "T" WHERE "__proto__" = ? AND sk = 2', [{ S: 'p' }], ['__proto__', 'sk']);
    expect(got && Object.prototype.hasOwnProperty.call(got, '__proto__')).toBe(true);
    expect(got?.['__proto__']).toEqual({ S: 'p' });
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    const inserted = statementKey("INSERT INTO \"T\" VALUE {'__proto__': 'q', 'sk': 2}", [], ['__proto__', 'sk']);
    expect(inserted && Object.prototype.hasOwnProperty.call(inserted, '__proto__')).toBe(true);
    expect(statementKey('DELETE FROM "T" WHERE sk = 2', [], ['__proto__', 'sk'])).toBeUndefined();
  });
  test('undefined when a key attribute is not pinned by equality', () => {
    expect(statementKey('UPDATE "T" SET v = 1 WHERE pk = ? AND sk > 3', [{ S: 'a' }], keys)).toBeUndefined();
    expect(statementKey('DELETE FROM "T"', [], keys)).toBeUndefined();
  });
});

test('errorPosition reads line and column from a service message', () => {
  expect(errorPosition("Statement wasn't well formed, can't be processed: Unexpected token at line 1, column 8")).toEqual({ line: 1, column: 8 });
  expect(errorPosition('Unexpected keyword [line: 2, column: 14]')).toEqual({ line: 2, column: 14 });
  expect(errorPosition('Requested resource not found')).toBeUndefined();
});
