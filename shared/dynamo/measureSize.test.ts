import { describe, expect, test } from 'vitest';
/** The one fast item size (Measurer.itemSize: measure.ts's walk, else the reference) equals itemSize. */
import { Measurer } from './measure';
import { itemSize } from './size';
import type { Item } from './types';

const measuredItemSize = (item: Item) => new Measurer().itemSize(item);
// Measured twice by one measurer: the remembered figure is the same.
const anyItemSize = (item: Item) => {
  const m = new Measurer();
  m.itemSize(item);
  return m.itemSize(item);
};

const items: Item[] = [
  {},
  { pk: { S: 'plain ascii' }, n: { N: '12.50' }, b: { B: 'AAEC/w==' } },
  { név: { S: 'é 日本 😀 \u0000 "q" \\' }, lone: { S: '\ud800x' }, del: { S: '\x7f' } },
  {
    set: { SS: ['a', 'é'] },
    ns: { NS: ['1', '2.5'] },
    bs: { BS: ['AA=='] },
    ok: { BOOL: true },
    nil: { NULL: true },
  },
  { l: { L: [{ S: 'x' }, { M: { ü: { S: 'ß' } } }] }, m: { M: {} } },
  { big: { S: 'x'.repeat(100_000) }, wide: { S: '日'.repeat(1000) } },
];

describe('measuredItemSize', () => {
  test.each(items.map((item, i) => [i, item] as const))('item %i equals itemSize', (_, item) => {
    expect(measuredItemSize(item)).toBe(itemSize(item));
    expect(anyItemSize(item)).toBe(itemSize(item));
  });
});

describe('measuredItemSize on numbers', () => {
  const spellings = [
    '0',
    '-0',
    '0.000',
    '7',
    '-12.500',
    '+3',
    '100',
    '0.00120',
    '1.',
    '.5',
    '12345678901234567890123456789012345678',
    '1e5',
    ' 2 ',
    '1.2.3',
    '-',
    '',
    'abc',
    '00012.3400',
  ];
  test.each(spellings)('%j', (n) => {
    const item: Item = { n: { N: n }, ns: { NS: [n] } };
    expect(measuredItemSize(item)).toBe(itemSize(item));
    expect(anyItemSize(item)).toBe(itemSize(item));
  });
});

describe('measuredItemSize on binary and nested values', () => {
  const b64 = ['', 'AA==', 'AAE=', 'AAEC', 'AA EC\n/w==', 'not base64!'];
  test.each(b64)('%j', (b) => {
    const item: Item = {
      b: { B: b },
      bs: { BS: [b] },
      l: { L: [{ B: b }, { NS: ['1', '1e3'] }] },
      m: { M: { ké: { BS: [b] }, s: { SS: ['é', 'x'] } } },
    };
    expect(measuredItemSize(item)).toBe(itemSize(item));
    expect(anyItemSize(item)).toBe(itemSize(item));
  });
});
