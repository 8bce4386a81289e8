import { expect, test } from 'vitest';
import { parsedPageOf, rawPageOf } from './rawPage';
import { rawItemsEvent, rawItemsOf, sseLine } from './itemsEvent';

const bytes = (s: string) => new TextEncoder().encode(s);
const odd =
  '{"__proto__":{"S":"kept"},"id":{"S":"é😀"},"n":{"N":"12345678901234567890.000"},' +
  '"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.50"]},"b":{"B":"AAEC"},"bs":{"BS":["AA=="]},' +
  '"m":{"M":{"__proto__":{"L":[{"NULL":true},{"BOOL":false}]}}}}';
const body = `{"Items":[${odd},{"id":{"S":"2"}}],"Count":2,"ScannedCount":5,"LastEvaluatedKey":{"id":{"S":"2"}},"ConsumedCapacity":{"TableName":"T","CapacityUnits":1.5}}`;

test('a page keeps its Items as the bytes sent and reads the other members', () => {
  const page = rawPageOf(bytes(body));
  expect(page).toMatchObject({
    count: 2,
    scannedCount: 5,
    consumedCapacity: 1.5,
    lastKey: { id: { S: '2' } },
  });
  expect(page.items).toBeUndefined();
  const items = JSON.parse(new TextDecoder().decode(page.itemsJson)) as Record<string, unknown>[];
  expect(items).toEqual((JSON.parse(body) as { Items: unknown[] }).Items);
  expect(Object.prototype.hasOwnProperty.call(items[0], '__proto__')).toBe(true);
});

test('a page with a line break inside its Items list, without Items, or with Items not a list', () => {
  const broken = rawPageOf(bytes('{"Items":[\n{"id":{"S":"1"}}],"Count":1}'));
  expect(broken.itemsJson).toBeUndefined();
  expect(broken.items).toEqual([{ id: { S: '1' } }]);
  expect(rawPageOf(bytes('{"Count":0,"ScannedCount":3}'))).toEqual({
    items: [],
    count: 0,
    scannedCount: 3,
    consumedCapacity: 0,
  });
  expect(() => rawPageOf(bytes('{"Items":{"a":1}}'))).toThrow(/Items that is not a list/);
  expect(() => rawPageOf(bytes('{"Items":[{"a":1}'))).toThrow(SyntaxError);
});

test('an event with raw items: its SSE line is the event as JSON, and every other reader sees parsed items', () => {
  const page = rawPageOf(bytes(body));
  const fields = {
    type: 'items:page' as const,
    loadId: 'L',
    pages: 1,
    total: 2,
    scannedCount: 5,
    consumedCapacity: 1.5,
  };
  const event = rawItemsEvent(fields, page.itemsJson!);
  expect(rawItemsOf(event)).toBe(page.itemsJson);
  const line = sseLine(event);
  expect(Buffer.isBuffer(line)).toBe(true);
  const text = line.toString();
  expect(text.startsWith('data: ')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(true);
  expect(text.slice(6, -2)).not.toMatch(/[\r\n]/);
  const sent = JSON.parse(text.slice(6, -2)) as typeof event;
  const expected = { ...fields, items: (JSON.parse(body) as { Items: unknown[] }).Items };
  expect(sent).toEqual(expected);
  expect(Object.prototype.hasOwnProperty.call(sent.items[0], '__proto__')).toBe(true);
  // The Electron host's structured clone and JSON.stringify read the getter.
  expect(structuredClone(event)).toEqual(expected);
  expect(JSON.parse(JSON.stringify(event))).toEqual(expected);
  // An ordinary event: its line is JSON.stringify's.
  expect(sseLine(expected)).toBe(`data: ${JSON.stringify(expected)}\n\n`);
});

test('a page parsed whole (a host that does not splice the bytes) reads the same members and items', () => {
  const page = parsedPageOf(bytes(body));
  expect(page).toEqual({
    items: (JSON.parse(body) as { Items: unknown[] }).Items,
    count: 2,
    scannedCount: 5,
    consumedCapacity: 1.5,
    lastKey: { id: { S: '2' } },
  });
  expect(Object.prototype.hasOwnProperty.call(page.items![0], '__proto__')).toBe(true);
  expect(parsedPageOf(bytes('{"Items":[\n{"id":{"S":"1"}}],"Count":1}')).items).toEqual([
    { id: { S: '1' } },
  ]);
  expect(parsedPageOf(bytes('{"Count":0,"ScannedCount":3}'))).toEqual({
    items: [],
    count: 0,
    scannedCount: 3,
    consumedCapacity: 0,
  });
  expect(() => parsedPageOf(bytes('{"Items":{"a":1}}'))).toThrow(/Items that is not a list/);
  expect(() => parsedPageOf(bytes('{"Items":[],"LastEvaluatedKey":[1]}'))).toThrow(
    /LastEvaluatedKey that is not a map/,
  );
  expect(() => parsedPageOf(bytes('{"Items":[{"a":1}'))).toThrow(SyntaxError);
  expect(() => parsedPageOf(bytes('[1]'))).toThrow(SyntaxError);
});
