import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/dynamo/types';
import { packItems, unpackItems } from './packedItems';
import { unpackEvent } from './packedEvent';

/** What the event stream's JSON.parse gives for these items (the page's view before packing). */
const parsed = (items: unknown[]): Item[] => JSON.parse(JSON.stringify(items)) as Item[];

const roundTrip = (items: Item[]): Item[] => {
  const p = packItems(items);
  // As the worker posts it: a structured clone.
  return unpackItems(structuredClone(p));
};

describe('packed pages of items', () => {
  it('rebuilds every type, every value and the attribute order exactly', () => {
    const items = parsed([
      {
        id: { S: 'B-0000001' },
        n: { N: '-12.500000000000000000000000000000000001' },
        b: { B: 'AAEC/w==' },
        yes: { BOOL: true },
        no: { BOOL: false },
        nothing: { NULL: true },
        empty: { S: '' },
        m: { M: { inner: { S: 'x' }, deep: { L: [{ N: '1' }, { M: {} }] } } },
        l: { L: [{ S: 'a' }, { BOOL: false }] },
        ss: { SS: ['a', 'b'] },
        ns: { NS: ['1', '2.5'] },
        bs: { BS: ['AA=='] },
        text: { S: 'naïve 😀 \u0000 "quoted" \\ \n' },
      },
      { id: { S: 'B-0000002' }, later: { N: '7' } },
      {},
    ]);
    const back = roundTrip(items);
    expect(back).toEqual(items);
    back.forEach((item, i) => expect(Object.keys(item)).toEqual(Object.keys(items[i] as Item)));
  });

  it('keeps any attribute name DynamoDB accepts as an own property, __proto__ included', () => {
    const items = JSON.parse(
      '[{"__proto__":{"S":"p"},"constructor":{"N":"1"},"10":{"S":"ten"},"2":{"S":"two"},"":{"S":"blank"}}]',
    ) as Item[];
    const [item] = roundTrip(items);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(item, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toEqual({ S: 'p' });
    expect(Object.keys(item as Item)).toEqual(Object.keys(items[0] as Item));
    expect(JSON.stringify(item)).toBe(JSON.stringify(items[0]));
  });

  it('sends a value of unusual shape as it is, not as a guess', () => {
    const odd = parsed([{ a: { S: 'x', N: '1' }, b: { NULL: false }, c: { BOOL: 'true' }, d: { S: 5 } }]);
    expect(roundTrip(odd)).toEqual(odd);
    expect(packItems(odd).others).toHaveLength(4);
  });

  it('shares a short value that repeats in a page between its rows, and nothing else', () => {
    const long = 'x'.repeat(41);
    const row = (i: number) => ({ s: { S: 'same' }, t: { BOOL: true }, one: { S: '1' }, num: { N: '1' }, long: { S: long }, m: { M: { k: { S: 'v' } } }, id: { S: `id${i}` } });
    const items = parsed([row(1), row(2)]);
    const [a, b] = roundTrip(items) as [Item, Item];
    expect([a, b]).toEqual(items);
    expect(a).not.toBe(b);
    expect(a.s).toBe(b.s);
    expect(a.t).toBe(b.t);
    expect(a.num).toBe(b.num);
    // Same text, other type: not the same value.
    expect(a.one).not.toBe(a.num);
    expect(a.one).toEqual({ S: '1' });
    expect(a.long).toEqual(b.long);
    expect(a.long).not.toBe(b.long);
    expect(a.m).not.toBe(b.m);
  });

  it('packs scalar values as one text and typed arrays, each repeated value once', () => {
    const items = parsed(Array.from({ length: 100 }, (_, i) => ({ id: { S: `k${i}` }, n: { N: String(i % 5) }, f: { BOOL: i % 2 === 0 } })));
    const p = packItems(items);
    expect(p.names).toEqual(['id', 'n', 'f']);
    expect(p.others).toEqual([]);
    expect(p.attrs.length).toBe(100 * 3 * 2);
    expect(p.kinds.length).toBe(100 + 5 + 2);
    expect(p.text.startsWith('k00k11k22')).toBe(true);
  });

  it('unpacks an items:page event the worker posted and leaves other events alone', () => {
    const items = parsed([{ id: { S: 'a' } }]);
    const page = {
      type: 'items:page' as const,
      loadId: 'l1',
      items: [],
      pages: 1,
      total: 1,
      scannedCount: 1,
      consumedCapacity: 0.5,
      servedPage: 'p1',
      packed: packItems(items),
    };
    const out = unpackEvent(page);
    const { packed: _packed, ...rest } = page;
    expect(out).toEqual({ ...rest, items });
    expect('packed' in out).toBe(false);
    const done = { type: 'items:done' as const, loadId: 'l1', count: 1, pages: 1, scannedCount: 1, consumedCapacity: 0.5, canceled: false };
    expect(unpackEvent(done as never)).toBe(done);
  });
});
