import { describe, expect, test } from 'vitest';
import { itemJsonBytes } from '../plan/wireSize';
import { bytesToBase64 } from './binary';
import { Measurer, measureItemUncached } from './measure';
import type { ItemMeasure } from './measure';
import { itemSize } from './size';
import type { AttributeValue, Item, KeySchema } from './types';
import { MAX_NESTING_LEVELS, validateItem, validateItemFully } from './validate';

// One measurer for the file, as the review keeps one: measurements are remembered in it.
const measurer = new Measurer();
const measureItem = (item: Item, base?: Item) => measurer.measureItem(item, base);
const measureImage = (item: Item, base: Item | undefined) => measurer.measureImage(item, base);

const utf8 = (s: string) => new TextEncoder().encode(s).length;
const wire = (item: Item) => utf8(JSON.stringify(item));
const figures = (m: ItemMeasure | null) => m && { size: m.size, jsonBytes: m.jsonBytes };

/** A small deterministic PRNG, so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

const TEXTS = [
  '',
  'plain',
  'x'.repeat(30),
  'lorem ipsum '.repeat(40),
  'quote " and backslash \\',
  'newline \n tab \t cr \r bs \b ff \f nul \u0000 unit \u001f del \x7f',
  'é ß ü',
  '日本語のテキスト',
  'emoji 😀 and flags 🇫🇷',
  'lone high \ud800 end',
  'lone low \udc00',
  'ends with high \ud83d',
  '\ud83d\ude00'.repeat(20) + ' long unicode',
  '"'.repeat(30),
];
const NUMBERS = [
  '0',
  '-0',
  '7',
  '-12.500',
  '0.00120',
  '1.',
  '.5',
  '-.5',
  '00012.3400',
  '12345678901234567890123456789012345678', // 38 digits
  '123456789012345678901234567890123456789', // 39: too precise
  '1' + '0'.repeat(90),
  '1' + '0'.repeat(130), // too large
  '0.' + '0'.repeat(140) + '1', // too small
  '1e5',
  '-2.5E-3',
  '+3',
  ' 2 ',
  '1.2.3',
  '-',
  '.',
  '',
  'abc',
];
const BINARY = [
  '',
  'AA==',
  'AAE=',
  'AAEC',
  'AAE', // unpadded: re-sent as AAE=
  'AB==', // trailing bits set: decodes to the same byte as AA==
  'AA EC\n/w==',
  'not base64!',
  'A',
  'AA=',
  '==',
  bytesToBase64(new Uint8Array(Array.from({ length: 70 }, (_, i) => (i * 37) % 256))),
];

function randomValue(r: ReturnType<typeof rng>, depth: number): AttributeValue {
  const kind = r.int(depth > 3 ? 10 : 12);
  switch (kind) {
    case 0:
    case 1:
      return { S: r.pick(TEXTS) };
    case 2:
      return { N: r.pick(NUMBERS) };
    case 3:
      return { B: r.pick(BINARY) };
    case 4:
      return r.int(2) ? { BOOL: r.int(2) === 1 } : { NULL: true };
    case 5:
      return { SS: Array.from({ length: r.int(4) }, () => r.pick(TEXTS)) };
    case 6:
      return { NS: Array.from({ length: r.int(4) }, () => r.pick(NUMBERS.slice(0, 12))) };
    case 7:
      return { BS: Array.from({ length: r.int(3) }, () => r.pick(BINARY)) };
    case 8:
      return { NS: [r.pick(['1', '2', '10', '-3', '1.0', '1.00', '0'])] };
    case 9:
      return { SS: ['a', 'b', r.pick(['a', 'c', 'é'])] };
    case 10:
      return { L: Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1)) };
    default: {
      const M: Item = {};
      for (let i = r.int(4); i > 0; i--)
        M[r.pick(['a', 'név', 'k"q', '日', 'x'])] = randomValue(r, depth + 1);
      return { M };
    }
  }
}

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};

function randomItem(seed: number): Item {
  const r = rng(seed);
  const item: Item = { pk: { S: `p${seed}` }, sk: { N: String(seed) } };
  for (let i = r.int(8); i > 0; i--)
    item[r.pick(['a', 'b', 'name', 'ü', 'tags', '😀'])] = randomValue(r, 0);
  return item;
}

const items = Array.from({ length: 3000 }, (_, i) => randomItem(i + 1));

function nested(depth: number): AttributeValue {
  let v: AttributeValue = { S: 'leaf' };
  for (let i = 0; i < depth; i++) v = i % 2 ? { L: [v] } : { M: { x: v } };
  return v;
}

const malformed: unknown[] = [
  { S: 1 },
  { N: 2 },
  { B: 5 },
  { S: 'a', N: '1' },
  {},
  { X: 'x' },
  null,
  'text',
  [{ S: 'x' }],
  { BOOL: 'yes' },
  { NULL: false },
  { M: [] },
  { L: {} },
  { SS: ['a', 1] },
  { L: [{ S: 'x' }, null] },
  Object.create({ S: 'inherited' }) as unknown,
];

describe('measureItem', () => {
  test('equals itemSize and the JSON the SDK sends, on varied items', () => {
    let common = 0;
    for (const item of items) {
      const m = measureItemUncached(item);
      if (!m) continue;
      common++;
      expect(m.size, JSON.stringify(item)).toBe(itemSize(item));
      expect(m.jsonBytes, JSON.stringify(item)).toBe(itemJsonBytes(item));
    }
    expect(common).toBeGreaterThan(300); // the generator reaches the fast path often
  });

  test('equals JSON.stringify byte for byte when binary is canonical', () => {
    const item: Item = {
      s: { S: 'é 日本 😀 \u0000 "q" \\ \ud800x' },
      n: { N: '-12345678901234567890123456789012345678' },
      b: { B: BINARY[11] as string },
      ss: { SS: ['a', 'é', '😀'] },
      ns: { NS: ['1', '-20', '300'] },
      bs: { BS: ['AAEC'] },
      t: { BOOL: true },
      f: { BOOL: false },
      z: { NULL: true },
      l: { L: [] },
      m: { M: {} },
      deep: { M: { a: { L: [{ M: { ü: { SS: ['x'] } } }, { N: '0.5' }] } } },
    };
    const m = figures(measureItem(item));
    expect(m).toEqual({ size: itemSize(item), jsonBytes: wire(item) });
    expect(figures(measureItem({}))).toEqual({ size: 0, jsonBytes: 2 });
  });

  test('answers null (slow path) for malformed values, and never throws', () => {
    for (const v of malformed) {
      expect(measureItemUncached({ pk: { S: 'p' }, v } as unknown as Item)).toBeNull();
    }
  });

  test('answers null for values that need a closer look', () => {
    for (const v of [
      { N: '1e5' },
      { N: '+3' },
      { B: 'AA EC' },
      { SS: [] },
      { SS: ['a', 'a'] },
      { NS: ['1', '1.0'] },
      { BS: ['AA==', 'AB=='] },
      { NS: ['1.5', '01.50'] },
      { BS: ['AAE', 'AAE='] },
      nested(MAX_NESTING_LEVELS + 1),
    ] as AttributeValue[]) {
      expect(measureItemUncached({ v }), JSON.stringify(v)).toBeNull();
    }
    expect(measureItemUncached({ v: nested(MAX_NESTING_LEVELS) })).not.toBeNull();
    for (const v of [
      { NS: ['1.5', '2.50', '-0.5', '7'] },
      { BS: ['AAE=', 'AAI=', 'AA=='] },
      { BS: ['AAE', 'AAI'] },
    ] as AttributeValue[]) {
      const item: Item = { v };
      expect(figures(measureItemUncached(item)), JSON.stringify(v)).toEqual({
        size: itemSize(item),
        jsonBytes: itemJsonBytes(item),
      });
      expect(validateItemFully(item, { partitionKey: { name: 'v', type: 'S' } })).toHaveLength(1);
    }
  });

  test('is remembered per item object (measureImage leaves that to its caller)', () => {
    const item: Item = { pk: { S: 'p' } };
    const image: Item = { ...item, n: { N: '1' } };
    expect(measureImage(image, item)).not.toBe(measureImage(image, item));
    expect(measureItem(item)).toBe(measureItem(item));
    expect(measureItem({ ...item })).not.toBe(measureItem(item));
    expect(measureImage(item, undefined)).toBe(measureItem(item));
  });
});

describe('validateItem with the measureItem shortcut', () => {
  const schemas: KeySchema[] = [
    schema,
    { partitionKey: { name: 'pk', type: 'N' } },
    { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 'b', type: 'B' } },
  ];
  test('reports exactly what the full walk reports', () => {
    for (const s of schemas) {
      for (const item of items) {
        const full = validateItemFully(item, s);
        expect(validateItem(item, s)).toEqual(full);
        expect(validateItem(item, s, measureItemUncached(item))).toEqual(full);
      }
    }
  });

  test('on malformed, deep and oversized items too', () => {
    const odd: Item[] = [
      ...malformed.map((v) => ({ pk: { S: 'p' }, sk: { N: '1' }, v }) as unknown as Item),
      { pk: { S: 'p' }, sk: { N: '1' }, v: nested(MAX_NESTING_LEVELS + 2) },
      { pk: { S: 'p' }, sk: { N: '1' }, v: nested(MAX_NESTING_LEVELS) },
      { pk: { S: 'p' }, sk: { N: '1' }, big: { S: 'x'.repeat(409_600) } },
      { pk: { S: '' }, sk: { S: '1' } },
      { pk: { S: 'k'.repeat(3000) } },
      { pk: { S: 'p' }, sk: { N: '9'.repeat(2100) } },
      { pk: { S: 'p' }, sk: { N: 'x'.repeat(2100) } },
      { pk: { S: 'p' }, sk: { N: '1e5' } },
      { pk: { B: '' } },
      { pk: { N: '1' }, sk: { S: 'x' } },
    ];
    for (const item of odd) {
      for (const s of [schema, ...schemas]) {
        expect(validateItem(item, s)).toEqual(validateItemFully(item, s));
      }
    }
  });
});

describe('measureItem relative to a base image', () => {
  test('gives the same answer as a walk of its own, whatever was edited', () => {
    const r = rng(7);
    for (let i = 0; i < 500; i++) {
      const base = randomItem(10_000 + i);
      const item: Item = { ...base };
      const edit = r.int(4);
      const name = r.pick(Object.keys(base));
      if (edit === 0) item[name] = randomValue(r, 0);
      else if (edit === 1) delete item[name];
      else if (edit === 2) item[r.pick(['new', 'é', 'a'])] = randomValue(r, 0);
      const fresh = measureItemUncached(item);
      if (i % 2) measureItem(base); // a base measured earlier
      expect(figures(measureImage(item, base)), JSON.stringify(item)).toEqual(fresh);
      expect(figures(measureItem(item, base)), JSON.stringify(item)).toEqual(fresh);
    }
  });

  test('walks only what the edit changed, and falls back when that is not in common form', () => {
    const base: Item = { pk: { S: 'p' }, n: { N: '1' }, s: { S: 'é' } };
    const edited: Item = { ...base, n: { N: '1e3' } }; // not in common form: the slow path
    expect(measureItem(edited, base)).toBeNull();
    const odd = JSON.parse('{"__proto__": {"S": "x"}, "constructor": {"N": "1"}}') as Item;
    for (const item of [
      { ...base, constructor: { S: 'c' } },
      { ...odd, ...base },
    ]) {
      expect(figures(measureItem(item, base))).toEqual(figures(measureItemUncached(item)));
    }
    const renamed: Item = { s: base.s as AttributeValue, pk: { S: 'p"q' } };
    expect(figures(measureItem(renamed, base))).toEqual({
      size: itemSize(renamed),
      jsonBytes: wire(renamed),
    });
  });
});
