import { describe, expect, test } from 'vitest';
import type { AttributeValue, Item } from '../dynamo/types';
import { toRequestItems } from './requestItems';
import { RequestBuilder, packLimits, sizeOp } from './builder';
import { itemJsonBytes, valueJsonBytes } from './wireSize';
import type { PlanInput } from './types';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

const values: AttributeValue[] = [
  { S: 'plain' },
  { S: 'quote " backslash \\ newline \n tab \t ctrl \u0001 é 日本 😀' },
  { S: '' },
  { N: '-12.500e3' },
  { B: 'AAEC/w==' },
  { BOOL: true },
  { BOOL: false },
  { NULL: true },
  { SS: ['a', 'b"c'] },
  { SS: [] },
  { NS: ['1', '2.5'] },
  { BS: ['AA==', 'AAE='] },
  { L: [] },
  { L: [{ S: 'x' }, { L: [{ N: '1' }] }, { M: {} }] },
  { M: { név: { S: 'v' }, nested: { M: { a: { NULL: true } } } } },
];

describe('valueJsonBytes', () => {
  test.each(values.map((v) => [JSON.stringify(v), v] as const))('%s', (_, v) => {
    expect(valueJsonBytes(v)).toBe(utf8(JSON.stringify(v)));
  });

  test('binary counts as the SDK re-encodes it: padded base64 of the raw bytes', () => {
    // "AAEC" unpadded is 3 bytes either way; "AAE" (2 bytes) is re-sent as "AAE=".
    expect(valueJsonBytes({ B: 'AAE' })).toBe(utf8(JSON.stringify({ B: 'AAE=' })));
  });

  test('an item is names plus values with separators', () => {
    const item: Item = { id: { S: 'a' }, n: { N: '1' }, ü: { BOOL: true } };
    expect(itemJsonBytes(item)).toBe(utf8(JSON.stringify(item)));
    expect(itemJsonBytes({})).toBe(2);
  });
});

describe('request body bytes', () => {
  const schema = { partitionKey: { name: 'pk', type: 'S' as const } };
  const ops: PlanInput[] = [
    { id: '1', table: 'Alpha', kind: 'put', item: { pk: { S: 'a' }, v: { N: '12' } } },
    { id: '2', table: 'Beta', kind: 'delete', key: { pk: { S: 'b' } } },
    { id: '3', table: 'Alpha', kind: 'delete', key: { pk: { S: 'c' } } },
    { id: '4', table: 'Gämma', kind: 'put', item: { pk: { S: 'd' }, l: { L: [{ S: 'é' }] } } },
  ];

  test.each([true, false])('equals the SDK body (ReturnConsumedCapacity %s)', (rcc) => {
    const b = new RequestBuilder(packLimits({ returnConsumedCapacity: rcc }));
    for (const op of ops) expect(b.add(sizeOp(op, schema))).toBe('added');
    const body = rcc
      ? { RequestItems: toRequestItems(ops), ReturnConsumedCapacity: 'TOTAL' }
      : { RequestItems: toRequestItems(ops) };
    expect(b.build().bytes).toBe(utf8(JSON.stringify(body)));
  });
});
