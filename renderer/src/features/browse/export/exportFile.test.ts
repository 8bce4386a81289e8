import { describe, expect, it } from 'vitest';
import { parse } from 'papaparse';
import type { Item } from '../../../../../shared/dynamo/types';
import { buildExport, csvCell } from './exportFile';

const items: Item[] = [
  {
    id: { S: 'T-1' },
    amount: { N: '1234567890123456789012345678901234567.8' },
    note: { S: 'comma, "quote"\nnewline' },
    tags: { SS: ['a', 'b'] },
    blob: { B: 'AAEC' },
    gone: { NULL: true },
    ok: { BOOL: true },
  },
  { id: { S: 'T-2' }, nested: { M: { x: { L: [{ N: '1' }] } } } },
];
const columns = ['id', 'amount', 'note', 'tags', 'blob', 'gone', 'ok', 'nested'];
const noPause = () => Promise.resolve();

describe('buildExport', () => {
  it('writes DynamoDB JSON lines, one item per line', async () => {
    const text = (
      await buildExport({ format: 'jsonl', items, columns, sliceSize: 1, pause: noPause })
    ).join('');
    const lines = text.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Item)).toEqual(items);
  });

  it('writes plain JSON with exact number digits', async () => {
    const text = (
      await buildExport({ format: 'json', items, columns, sliceSize: 1, pause: noPause })
    ).join('');
    expect(text).toContain('"amount": 1234567890123456789012345678901234567.8');
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]?.tags).toEqual(['a', 'b']);
  });

  it('writes CSV with headers, flat scalars and typed JSON for the rest', async () => {
    const progress: number[] = [];
    const text = (
      await buildExport({
        format: 'csv',
        items,
        columns,
        sliceSize: 1,
        pause: noPause,
        onProgress: (done) => progress.push(done),
      })
    ).join('');
    expect(progress).toEqual([1, 2]);
    const rows = parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(columns);
    expect(rows[1]).toEqual([
      'T-1',
      '1234567890123456789012345678901234567.8',
      'comma, "quote"\nnewline',
      '{"SS":["a","b"]}',
      '{"B":"AAEC"}',
      '{"NULL":true}',
      'true',
      '',
    ]);
    expect(rows[2]?.[7]).toBe('{"M":{"x":{"L":[{"N":"1"}]}}}');
    expect(rows).toHaveLength(3);
  });

  it('writes an empty but valid file for no rows', async () => {
    expect(
      (await buildExport({ format: 'json', items: [], columns, pause: noPause })).join(''),
    ).toBe('[]\n');
    expect(
      (await buildExport({ format: 'csv', items: [], columns: ['a', 'b'], pause: noPause })).join(
        '',
      ),
    ).toBe('a,b\r\n');
  });

  it('stops when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      buildExport({ format: 'jsonl', items, columns, signal: ctl.signal }),
    ).rejects.toThrow('canceled');
  });
});

describe('csvCell', () => {
  it('leaves a missing attribute empty, unlike NULL', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell({ NULL: true })).toBe('{"NULL":true}');
  });
});
