import { describe, expect, it } from 'vitest';
import { fromPlainText, plainJsonText } from './plainJson';
import type { TypeNote } from './plainJson';
import type { Item } from './types';

const item: Item = {
  pk: { S: 'order#1' },
  total: { N: '12345678901234567890.123456789012345678' },
  tiny: { N: '1E-130' },
  tags: { SS: ['a', 'b'] },
  scores: { NS: ['1', '2.50'] },
  blobs: { BS: ['AQI=', 'AwQ='] },
  avatar: { B: 'aGVsbG8=' },
  ok: { BOOL: true },
  none: { NULL: true },
  history: { L: [{ M: { note: { S: 'x' }, at: { N: '3' } } }, { SS: ['z'] }] },
  empty: { M: {} },
  emptyList: { L: [] },
};

function parse(text: string, original?: Item) {
  const r = fromPlainText(text, original);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const messages = (notes: TypeNote[]) => notes.map((n) => n.message);

describe('plainJsonText', () => {
  it('writes numbers with their exact stored digits', () => {
    const text = plainJsonText(item);
    expect(text).toContain('"total": 12345678901234567890.123456789012345678');
    expect(text).toContain('"tiny": 1E-130');
    expect(text).toContain('"scores": [\n    1,\n    2.50\n  ]');
  });

  it('writes sets as arrays, binary as base64, NULL as null, and is valid JSON', () => {
    const text = plainJsonText(item);
    expect(JSON.parse(text)).toMatchObject({
      tags: ['a', 'b'],
      blobs: ['AQI=', 'AwQ='],
      avatar: 'aGVsbG8=',
      ok: true,
      none: null,
      history: [{ note: 'x', at: 3 }, ['z']],
      empty: {},
      emptyList: [],
    });
    expect(text.startsWith('{\n  "pk": "order#1",\n')).toBe(true);
  });

  it('rewrites only number spellings that are not JSON, keeping their value', () => {
    expect(plainJsonText({ a: { N: '+1.50' }, b: { N: '.5' }, c: { N: '007' } })).toBe(
      '{\n  "a": 1.5,\n  "b": 0.5,\n  "c": 7\n}',
    );
  });

  it('prints an empty item as {}', () => {
    expect(plainJsonText({})).toBe('{}');
  });
});

describe('fromPlainText', () => {
  it('round-trips an item exactly, keeping its set and binary types with notes', () => {
    const r = parse(plainJsonText(item), item);
    expect(r.item).toEqual(item);
    expect(messages(r.notes)).toEqual([
      'tags: kept as SS (string set), as in the original',
      'scores: kept as NS (number set), as in the original',
      'blobs: kept as BS (binary set), as in the original',
      'avatar: kept as B (binary), as in the original',
      'history[1]: kept as SS (string set), as in the original',
    ]);
    expect(r.notes.every((n) => n.kind === 'kept')).toBe(true);
  });

  it('infers types without an original and never rounds numbers', () => {
    const r = parse(
      '{"n": 0.1000000000000000000000000000000000001, "s": "1", "b": false, "x": null, "l": [1, "a"], "m": {"k": []}}',
    );
    expect(r.item).toEqual({
      n: { N: '0.1000000000000000000000000000000000001' },
      s: { S: '1' },
      b: { BOOL: false },
      x: { NULL: true },
      l: { L: [{ N: '1' }, { S: 'a' }] },
      m: { M: { k: { L: [] } } },
    });
    expect(r.notes).toEqual([]);
  });

  it('says when a set becomes a list, and why', () => {
    const original: Item = { tags: { SS: ['a'] }, nums: { NS: ['1'] }, bins: { BS: ['AQ=='] } };
    const r = parse('{"tags": ["a", 2], "nums": ["1"], "bins": []}', original);
    expect(r.item).toEqual({
      tags: { L: [{ S: 'a' }, { N: '2' }] },
      nums: { L: [{ S: '1' }] },
      bins: { L: [] },
    });
    expect(r.notes).toEqual([
      {
        path: 'tags',
        kind: 'changed',
        message: 'tags: SS becomes L because the array holds a number',
      },
      {
        path: 'nums',
        kind: 'changed',
        message: 'nums: NS becomes L because the array holds a string',
      },
      {
        path: 'bins',
        kind: 'changed',
        message: 'bins: BS becomes L because the array is empty (DynamoDB has no empty sets)',
      },
    ]);
  });

  it('keeps B only for base64 text, and BS only when every member is base64', () => {
    const original: Item = { a: { B: 'AQ==' }, b: { B: 'AQ==' }, c: { BS: ['AQ=='] } };
    const r = parse('{"a": "AQI", "b": "not base64!", "c": ["AQ==", "%%"]}', original);
    expect(r.item).toEqual({
      a: { B: 'AQI=' },
      b: { S: 'not base64!' },
      c: { L: [{ S: 'AQ==' }, { S: '%%' }] },
    });
    expect(messages(r.notes)).toEqual([
      'a: kept as B (binary), as in the original',
      'b: B becomes S because the text is not valid base64',
      'c: BS becomes L because "%%" is not valid base64',
    ]);
  });

  it('notes other type changes at paths the original had, deep inside maps and lists', () => {
    const original: Item = {
      price: { N: '1' },
      meta: { M: { tags: { SS: ['x'] }, list: { L: [{ N: '1' }, { BS: ['AQ=='] }] } } },
    };
    const r = parse(
      '{"price": "1", "meta": {"tags": "x", "list": [1, "AQ=="]}, "added": [1]}',
      original,
    );
    expect(r.item.meta).toEqual({
      M: { tags: { S: 'x' }, list: { L: [{ N: '1' }, { S: 'AQ==' }] } },
    });
    expect(messages(r.notes)).toEqual([
      'price: N becomes S',
      'meta.tags: SS becomes S',
      'meta.list[1]: BS becomes S',
    ]);
  });

  it('keeps the digits of a 38-digit number set member', () => {
    const big = '9'.repeat(38);
    const r = parse(`{"s": [${big}, -1e-130]}`, { s: { NS: ['1'] } });
    expect(r.item.s).toEqual({ NS: [big, '-1e-130'] });
  });

  it('returns the position of syntax errors and of a non-object item', () => {
    expect(fromPlainText('{\n  "a": tru\n}')).toEqual({
      ok: false,
      error: { line: 2, column: 8, offset: 9, message: "Expected a value but found 't'." },
    });
    const arr = fromPlainText('  [1]');
    expect(arr.ok).toBe(false);
    if (!arr.ok)
      expect(arr.error).toMatchObject({
        line: 1,
        column: 3,
        message: expect.stringMatching(/must be a JSON object.*not an array/),
      });
  });
});
