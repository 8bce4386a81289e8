import { describe, expect, it } from 'vitest';
import { buildExport, csvCell } from './exportFile';

describe('CSV formula escaping', () => {
  it('is on by default: text starting with = + - @ gets a leading quote; numbers never change', async () => {
    expect(csvCell({ S: '=HYPERLINK("http://evil.example")' })).toBe(`'=HYPERLINK("http://evil.example")`);
    for (const s of ['+1', '-2+3', '@SUM(A1)', '\tx']) expect(csvCell({ S: s })).toBe(`'${s}`);
    expect(csvCell({ N: '-12.5' })).toBe('-12.5');
    expect(csvCell({ S: 'plain' })).toBe('plain');
    const parts = await buildExport({ format: 'csv', items: [{ a: { S: '=1+1' } }], columns: ['a'], pause: async () => {} });
    expect(parts.join('')).toBe(`a\r\n'=1+1\r\n`);
  });

  it('can be turned off', async () => {
    const parts = await buildExport({ format: 'csv', items: [{ a: { S: '=1+1' } }], columns: ['a'], escapeFormulas: false, pause: async () => {} });
    expect(parts.join('')).toBe('a\r\n=1+1\r\n');
  });
});
