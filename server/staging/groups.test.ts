import { describe, expect, test } from 'vitest';
import { changeIdOf, rowId } from '../../shared/changes/identity';
import type { KeySchema } from '../../shared/dynamo/types';
import { ServedPages } from '../items/servedPages';
import { groupEntries } from './groups';

/** A served page of `items` (JSON texts, as DynamoDB wrote them); returns its id. */
function serve(pages: ServedPages, items: string[], table = 'T'): string {
  const parts: string[] = [];
  const spans: number[] = [];
  let at = 1;
  for (const text of items) {
    const bytes = Buffer.byteLength(text);
    spans.push(at, at + bytes);
    parts.push(text);
    at += bytes + 1;
  }
  return pages.add('c', table, Buffer.from(`[${parts.join(',')}]`), Uint32Array.from(spans))!;
}

const group = (keySchema: KeySchema, page: string, indexes: number[]) => ({
  connectionId: 'c',
  table: 'T',
  keySchema,
  set: { s: { S: 'x' } },
  remove: ['old'],
  rows: [{ page, indexes }],
});

describe('groupEntries', () => {
  test('reads each key as JSON.parse would: escapes, unicode, numbers, binary, a sort key', () => {
    const pages = new ServedPages();
    const schema: KeySchema = { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } };
    const items = [
      '{"pk":{"S":"plain"},"sk":{"N":"1.50"},"v":{"S":"a"}}',
      '{"v":{"S":"first"},"pk":{"S":"q\\"uote \\\\ back"},"sk":{"N":"-7"}}',
      '{"pk":{"S":"東京 ünï"},"sk":{"N":"12345678901234567890123456789012345678"}}',
      '{"pk":{"S":"\\u0041\\n"},"sk":{"N":"0"}}',
      '{"pk" : { "S" : "spaced" } , "sk":{"N":"2"}}',
    ];
    const page = serve(pages, items);
    const { entries, originals } = groupEntries([group(schema, page, [0, 1, 2, 3, 4])], pages);
    items.forEach((text, i) => {
      const item = JSON.parse(text) as Record<string, unknown>;
      const key = { pk: item.pk, sk: item.sk } as never;
      expect(entries[i]!.updateRef!.key).toEqual(key);
      expect(entries[i]!.id).toBe(changeIdOf('c', 'T', rowId(key, schema)));
      expect(Buffer.from(originals[i]!).toString()).toBe(text);
      expect(entries[i]!.updateRef).toMatchObject({ page, index: i, set: { s: { S: 'x' } }, remove: ['old'] });
    });
    const binary = serve(pages, ['{"b":{"B":"AAEC"}}']);
    const b = groupEntries([group({ partitionKey: { name: 'b', type: 'B' } }, binary, [0])], pages);
    expect(b.entries[0]!.updateRef!.key).toEqual({ b: { B: 'AAEC' } });
  });

  test('a key of another type, or not a plain key value, is a mismatch', () => {
    const pages = new ServedPages();
    const page = serve(pages, ['{"pk":{"N":"1"}}', '{"pk":{"S":"a","N":"1"}}', '{"pk":{"SS":["a"]}}']);
    for (const index of [0, 1, 2]) {
      expect(() => groupEntries([group({ partitionKey: { name: 'pk', type: 'S' } }, page, [index])], pages)).toThrow(
        /no key attribute "pk" of type S/,
      );
    }
  });
});
