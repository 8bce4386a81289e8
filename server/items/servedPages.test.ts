import { expect, test } from 'vitest';
import { memberValue, sameJsonValue } from './itemMember';
import { rawPageOf } from './rawPage';
import { ServedPages } from './servedPages';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

function page(items: string[]) {
  const p = rawPageOf(bytes(`{"Items":[${items.join(' , ')}],"Count":${items.length}}`));
  return { json: p.itemsJson!, spans: p.itemSpans! };
}

test('a kept page gives each item as its exact bytes; past the bound the oldest pages go whole', () => {
  const served = new ServedPages(100);
  const a = page(['{"id":{"S":"a\\u00e9"}}', '{"id":{"S":"b"}}']);
  const idA = served.add('c1', 'T', a.json, a.spans)!;
  expect(text(served.item(idA, 0)?.bytes)).toBe('{"id":{"S":"a\\u00e9"}}');
  expect(served.item(idA, 1)).toMatchObject({ connectionId: 'c1', table: 'T' });
  expect(served.item(idA, 2)).toBeUndefined();
  expect(served.item(idA, -1)).toBeUndefined();
  const b = page(['{"id":{"S":"c"},"long":{"S":"' + 'x'.repeat(40) + '"}}']);
  const idB = served.add('c1', 'T', b.json, b.spans)!;
  expect(served.item(idA, 0)).toBeUndefined(); // evicted: a + b are over 100 bytes
  expect(text(served.item(idB, 0)?.bytes)).toContain('"c"');
  expect(served.size).toBe(b.json.byteLength);
  expect(new ServedPages(10).add('c1', 'T', b.json, b.spans)).toBeUndefined();
  expect(idA.split('.')[0]).toBe(idB.split('.')[0]);
  expect(new ServedPages().add('c1', 'T', a.json, a.spans)!.split('.')[0]).not.toBe(idA.split('.')[0]);
});

test("an item's top-level member is found by name: escaped names, nested ones skipped", () => {
  const item = bytes(
    '{ "m" : {"M":{"pk":{"S":"inner"}}}, "s":{"S":"a \\" } pk"}, "\\u0070k" : {"S":"first"}, "l":{"L":[{"S":"]"}]} }',
  );
  expect(text(memberValue(item, 'pk'))).toBe('{"S":"first"}'); // an escaped name is the name
  expect(text(memberValue(item, 'l'))).toBe('{"L":[{"S":"]"}]}');
  expect(memberValue(item, 'none')).toBeUndefined();
  expect(sameJsonValue(bytes('{"S":"\\u0061"}'), { S: 'a' })).toBe(true);
  expect(sameJsonValue(bytes('{"S":"b"}'), { S: 'a' })).toBe(false);
  expect(sameJsonValue(bytes('{"N":"1.0"}'), { N: '1' })).toBe(false);
});
