import { describe, expect, it } from 'vitest';
import { SHARE_MAX_CHARS, shareRepeatedValues } from './shareValues';
import type { Item } from './types';

const copy = (items: Item[]): Item[] => JSON.parse(JSON.stringify(items)) as Item[];

describe('shareRepeatedValues', () => {
  it('makes equal short scalars one object, and leaves every item equal to what it was', () => {
    const items: Item[] = [
      {
        id: { S: 'a' },
        status: { S: 'open' },
        n: { N: '5' },
        ok: { BOOL: true },
        gone: { NULL: true },
      },
      {
        id: { S: 'b' },
        status: { S: 'open' },
        n: { N: '5' },
        ok: { BOOL: true },
        gone: { NULL: true },
      },
      {
        id: { S: 'c' },
        status: { S: 'shut' },
        n: { N: '6' },
        ok: { BOOL: false },
        bin: { B: 'AQ==' },
      },
      { id: { S: 'd' }, other: { S: 'open' }, bin: { B: 'AQ==' }, no: { BOOL: false } },
    ];
    const before = copy(items);
    expect(shareRepeatedValues(items)).toBe(7);
    const [a, b, c, d] = items as [Item, Item, Item, Item];
    expect(b.status).toBe(a.status);
    expect(d.other).toBe(a.status); // same type and text, any attribute
    expect(b.n).toBe(a.n);
    expect(b.ok).toBe(a.ok);
    expect(b.gone).toBe(a.gone);
    expect(d.bin).toBe(c.bin);
    expect(d.no).toBe(c.ok);
    expect(c.status).not.toBe(a.status);
    expect(c.ok).not.toBe(a.ok);
    expect(items).toEqual(before);
  });

  it('never shares across types, long texts, sets, lists or maps', () => {
    const long = 'x'.repeat(SHARE_MAX_CHARS + 1);
    const items: Item[] = [
      { s: { S: '1' }, long: { S: long }, ss: { SS: ['a'] }, l: { L: [{ S: 'a' }] }, m: { M: {} } },
      { s: { N: '1' }, long: { S: long }, ss: { SS: ['a'] }, l: { L: [{ S: 'a' }] }, m: { M: {} } },
    ];
    const before = copy(items);
    expect(shareRepeatedValues(items)).toBe(0);
    const [a, b] = items as [Item, Item];
    for (const name of ['s', 'long', 'ss', 'l', 'm']) expect(b[name]).not.toBe(a[name]);
    expect(items).toEqual(before);
  });

  it('shares exactly SHARE_MAX_CHARS characters, and keeps odd shapes apart', () => {
    const edge = 'y'.repeat(SHARE_MAX_CHARS);
    const odd = { S: 'open', N: '1' } as unknown as Item[string];
    const items: Item[] = [
      { e: { S: edge }, odd, flag: { BOOL: 'yes' as unknown as boolean } },
      {
        e: { S: edge },
        odd: { S: 'open', N: '1' } as unknown as Item[string],
        flag: { BOOL: 'yes' as unknown as boolean },
      },
    ];
    expect(shareRepeatedValues(items)).toBe(1);
    expect(items[1]!.e).toBe(items[0]!.e);
    expect(items[1]!.odd).not.toBe(odd);
    expect(items[1]!.flag).not.toBe(items[0]!.flag);
  });

  it('keeps an attribute named __proto__ an own attribute, and the prototype alone', () => {
    const items = JSON.parse(
      '[{"__proto__":{"S":"p"},"k":{"S":"1"}},{"__proto__":{"S":"p"},"k":{"S":"2"}}]',
    ) as Item[];
    expect(shareRepeatedValues(items)).toBe(1);
    const second = items[1]!;
    expect(Object.getPrototypeOf(second)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(second, '__proto__')?.value).toBe(
      Object.getOwnPropertyDescriptor(items[0], '__proto__')?.value,
    );
    expect(Object.keys(second)).toEqual(['__proto__', 'k']);
  });

  it('lets a structured clone carry one object per value', () => {
    const items: Item[] = Array.from({ length: 50 }, (_, i) => ({
      id: { S: `id-${i}` },
      status: { S: i % 2 ? 'open' : 'shut' },
    }));
    shareRepeatedValues(items);
    const back = structuredClone(items);
    expect(new Set(back.map((it) => it.status)).size).toBe(2);
    expect(new Set(back.map((it) => it.id)).size).toBe(50);
  });
});
