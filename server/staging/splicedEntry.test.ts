import { describe, expect, test, vi } from 'vitest';
import type { Item } from '../../shared/dynamo/types';
import { JsonTexts, splicedEntry } from './byRef';
import type { Spliced } from './held';

/** What splicedEntry wrote before it was written out by hand: the entry serialised whole, cut before its "}}". */
function asWhole(id: string, s: Spliced): string {
  const { ref: r } = s;
  const update: Record<string, unknown> = { connectionId: s.connectionId, table: s.table, key: r.key, set: r.set, remove: r.remove };
  if (r.error !== undefined) update.error = r.error;
  return `${JSON.stringify({ id, update }).slice(0, -2)},"original":`;
}

const original = new Uint8Array([0x7b, 0x7d]);
const spliced = (set: Item, remove: string[], error?: string): Spliced => ({
  connectionId: 'conn "1"',
  table: 'T.a-b',
  ref: { key: { pk: { S: 'a\u0000"b' }, sk: { N: '1.50' } }, page: 'p.1', index: 3, set, remove, ...(error !== undefined ? { error } : {}) },
  original,
});

describe('splicedEntry', () => {
  const cases: [string, Spliced][] = [
    ['a plain set', spliced({ status: { S: 'done' } }, [])],
    ['a removal and an error', spliced({ n: { N: '007.50' } }, ['tags', 'a"b'], 'Item is over 400 KB')],
    ['__proto__ names', spliced(JSON.parse('{"__proto__":{"M":{"__proto__":{"SS":["x"]}}}}') as Item, ['__proto__'])],
    ['an empty error', spliced({ b: { B: 'AAEC' } }, [], '')],
  ];
  test.each(cases)('writes %s exactly as the entry serialised whole', (_, s) => {
    const [head, bytes] = splicedEntry('conn\u0000T\u0000["S:a"]', s);
    expect(head).toBe(asWhole('conn\u0000T\u0000["S:a"]', s));
    expect(bytes).toBe(original);
  });

  test('with shared texts: the same bytes, each shared value serialised once', () => {
    const set: Item = { status: { S: 'bulk' } };
    const remove = ['old'];
    const texts = new JsonTexts();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      for (let i = 0; i < 3; i++) {
        const s = spliced(set, remove);
        s.ref = { ...s.ref, key: { pk: { S: `row-${i}` } } };
        const [head] = splicedEntry(`id-${i}`, s, texts);
        stringify.mockClear();
        expect(head).toBe(asWhole(`id-${i}`, s));
      }
      stringify.mockClear();
      splicedEntry('id-3', spliced(set, remove), texts);
      const args = stringify.mock.calls.map((c) => c[0]);
      expect(args).not.toContain(set);
      expect(args).not.toContain(remove);
      expect(args).not.toContain('T.a-b');
    } finally {
      stringify.mockRestore();
    }
    // Another object with the same content is its own entry (kept by identity, never confused).
    const other = spliced({ status: { S: 'other' } }, remove);
    expect(splicedEntry('x', other, texts)[0]).toBe(asWhole('x', other));
  });
});
