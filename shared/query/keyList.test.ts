import { describe, expect, test } from 'vitest';
import type { KeySchema } from '../dynamo/types';
import { parseKeyList } from './keyList';

const users: KeySchema = {
  partitionKey: { name: 'orgId', type: 'S' },
  sortKey: { name: 'userId', type: 'S' },
};

describe('parseKeyList', () => {
  test('simple keys: one per line, trimmed, blank lines skipped, commas kept', () => {
    const r = parseKeyList('T-1\n\n  T-2  \r\nT,3\n', {
      partitionKey: { name: 'ticketId', type: 'S' },
    });
    expect(r.keys).toEqual([
      { ticketId: { S: 'T-1' } },
      { ticketId: { S: 'T-2' } },
      { ticketId: { S: 'T,3' } },
    ]);
    expect(r.lines).toEqual([1, 3, 4]);
    expect(r.errors).toEqual([]);
  });

  test('a key attribute named __proto__ stays an attribute of each key', () => {
    const r = parseKeyList('p1\tq\n', {
      partitionKey: { name: '__proto__', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    });
    const key = r.keys[0]!;
    expect(Object.prototype.hasOwnProperty.call(key, '__proto__')).toBe(true);
    expect(key['__proto__']).toEqual({ S: 'p1' });
    expect(Object.getPrototypeOf(key)).toBe(Object.prototype);
  });

  test('composite keys separated by tab or comma, with CSV quoting', () => {
    const r = parseKeyList('acme\tu1\nacme, u2\n"a,b","x ""y"""\n', users);
    expect(r.keys).toEqual([
      { orgId: { S: 'acme' }, userId: { S: 'u1' } },
      { orgId: { S: 'acme' }, userId: { S: 'u2' } },
      { orgId: { S: 'a,b' }, userId: { S: 'x "y"' } },
    ]);
    expect(r.errors).toEqual([]);
  });

  test('per-line errors: part count, empty parts, numbers, base64', () => {
    const schema: KeySchema = {
      partitionKey: { name: 'n', type: 'N' },
      sortKey: { name: 'b', type: 'B' },
    };
    const r = parseKeyList('1\n1,2,3\n,AAE=\nabc,AAE=\n1,@@\n1,\n"1,AAE=\n5,AAE=', schema);
    expect(r.keys).toEqual([{ n: { N: '5' }, b: { B: 'AAE=' } }]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.errors[0]?.message).toMatch(/expected two values/);
    expect(r.errors[2]?.message).toBe('n is empty');
    expect(r.errors[3]?.message).toMatch(/^n: "abc" is not a number/);
    expect(r.errors[4]?.message).toBe('b: not valid base64');
    expect(r.errors[6]?.message).toBe('unclosed quote');
  });

  test('number keys: 38 digits accepted, 39 refused', () => {
    const r = parseKeyList(`${'9'.repeat(38)}\n${'9'.repeat(39)}`, {
      partitionKey: { name: 'n', type: 'N' },
    });
    expect(r.keys).toEqual([{ n: { N: '9'.repeat(38) } }]);
    expect(r.errors.map((e) => e.line)).toEqual([2]);
  });

  test('duplicates by canonical key are reported and removed', () => {
    const schema: KeySchema = {
      partitionKey: { name: 'org', type: 'S' },
      sortKey: { name: 'n', type: 'N' },
    };
    const r = parseKeyList('a,1\na,1.0\nb,1\na\t10e-1\na,2', schema);
    expect(r.keys).toEqual([
      { org: { S: 'a' }, n: { N: '1' } },
      { org: { S: 'b' }, n: { N: '1' } },
      { org: { S: 'a' }, n: { N: '2' } },
    ]);
    expect(r.duplicates).toEqual([
      { line: 2, firstLine: 1, message: 'same key as line 1' },
      { line: 4, firstLine: 1, message: 'same key as line 1' },
    ]);
  });

  test('key byte limits: partition 2048, sort 1024', () => {
    const r = parseKeyList(
      `${'p'.repeat(2049)},x\np,${'s'.repeat(1025)}\n${'p'.repeat(2048)},${'s'.repeat(1024)}`,
      users,
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      'orgId is over 2048 bytes',
      'userId is over 1024 bytes',
    ]);
    expect(r.keys).toHaveLength(1);
  });
});
