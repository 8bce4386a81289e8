import { describe, expect, it } from 'vitest';
import type { KeySchema } from '../dynamo/types';
import { guessMappings, importEdit, mapImport } from './importMapping';
import type { ColumnMapping } from './importMapping';
import { detectFormat, parseImport } from './importParse';

const schema: KeySchema = {
  partitionKey: { name: 'ticketId', type: 'S' },
  sortKey: { name: 'n', type: 'N' },
};

describe('parseImport', () => {
  it('detects the format from the name, then the first character', () => {
    expect(detectFormat('a.csv', '[')).toBe('csv');
    expect(detectFormat('a.ndjson', '')).toBe('jsonl');
    expect(detectFormat('paste', ' [{}]')).toBe('json');
    expect(detectFormat('paste', '{"a":1}\n{"a":2}')).toBe('jsonl');
  });

  it('reads CSV with quoted fields and names blank or repeated headers', () => {
    const p = parseImport('ticketId,,x,x\nT-1,"a, b",1,2\n', 'csv');
    expect(p.columns).toEqual(['ticketId', 'column_2', 'x', 'x_2']);
    expect(p.rows[0]).toEqual([
      { kind: 'text', text: 'T-1' },
      { kind: 'text', text: 'a, b' },
      { kind: 'text', text: '1' },
      { kind: 'text', text: '2' },
    ]);
  });

  it('lists unreadable JSON lines by line number and keeps the rest', () => {
    const p = parseImport('{"ticketId":"a"}\n{oops\n\n[1]\n{"ticketId":"b","n":1}', 'jsonl');
    expect(p.rows).toHaveLength(2);
    expect(p.lines).toEqual([1, 5]);
    expect(p.errors.map((e) => e.line)).toEqual([2, 4]);
    expect(p.columns).toEqual(['ticketId', 'n']);
  });

  it('recognises DynamoDB JSON, also wrapped in {"Item": …} as AWS exports write it', () => {
    const p = parseImport(
      '{"Item":{"ticketId":{"S":"a"},"n":{"N":"1"}}}\n{"ticketId":{"S":"b"},"n":{"N":"2"},"tags":{"SS":["x"]}}',
      'jsonl',
    );
    expect(p.dynamoJson).toBe(true);
    expect(p.columns).toEqual(['ticketId', 'n', 'tags']);
  });
});

describe('guessMappings', () => {
  it('guesses from the data, keeps identifiers with leading zeros as strings, forces key types', () => {
    const p = parseImport(
      'ticketId,n,qty,code,done,meta,list\n1,2,3.50,007,true,{"a":1},[1]\n2,3,,010,FALSE,{},[]',
      'csv',
    );
    expect(guessMappings(p, schema).map((m) => m.type)).toEqual([
      'S',
      'N',
      'N',
      'S',
      'BOOL',
      'M',
      'L',
    ]);
  });

  it('takes JSON kinds and DynamoDB type tags', () => {
    const p = parseImport(
      '[{"ticketId":"a","n":1,"big":12345678901234567890123456789012345678,"tags":["x"],"ok":null}]',
      'json',
    );
    expect(guessMappings(p, schema).map((m) => m.type)).toEqual(['S', 'N', 'N', 'L', 'NULL']);
    const d = parseImport('{"ticketId":{"S":"a"},"n":{"N":"1"},"tags":{"SS":["x"]}}', 'jsonl');
    expect(guessMappings(d, schema).map((m) => m.type)).toEqual(['S', 'N', 'SS']);
  });
});

describe('mapImport', () => {
  const csv = [
    'ticketId,n,qty,tags,nums,flag,blob,meta,skipme',
    'T-1,1,12345678901234567890.123456789012345678,a|b,1|2.5,yes,aGk=,"{""M"":{""k"":{""SS"":[""x""]}}}",zzz',
    'T-2,2,abc,a|a,,no,,,',
    ',3,1,,,,,,',
    'T-4,4,,,,,0x6869,"[1, 2]",',
  ].join('\n');
  const p = parseImport(csv, 'csv');
  const mappings: ColumnMapping[] = guessMappings(p, schema).map((m) => {
    const types: Record<string, ColumnMapping['type']> = {
      qty: 'N',
      tags: 'SS',
      nums: 'NS',
      flag: 'BOOL',
      blob: 'B',
      meta: 'M',
      skipme: 'skip',
    };
    return { ...m, type: types[m.column] ?? m.type, separator: '|' };
  });
  mappings[7] = { column: 'meta', type: 'M', separator: ',' };
  const r = mapImport(p, mappings, schema);

  it('converts each column by its mapping, keeping exact digits and typed JSON', () => {
    expect(r.items[0]).toEqual({
      ticketId: { S: 'T-1' },
      n: { N: '1' },
      qty: { N: '12345678901234567890.123456789012345678' },
      tags: { SS: ['a', 'b'] },
      nums: { NS: ['1', '2.5'] },
      flag: { BOOL: true },
      blob: { B: 'aGk=' },
      meta: { M: { k: { SS: ['x'] } } },
    });
  });

  it('leaves out empty cells, reads hex binary, and refuses a list in a map column', () => {
    expect(r.errors.filter((e) => e.line === 4).map((e) => e.column)).toEqual(['meta']);
    expect(r.items.map((i) => (i.ticketId as { S: string }).S)).toEqual(['T-1']);
  });

  it('reports every bad cell and a missing key per row, and skips those rows', () => {
    expect(r.errors.filter((e) => e.line === 2).map((e) => [e.column, e.message])).toEqual([
      ['qty', expect.stringContaining('not a number')],
      ['tags', expect.stringContaining('twice')],
    ]);
    expect(r.errors.filter((e) => e.line === 3)).toEqual([
      { line: 3, column: 'ticketId', message: 'The key ticketId is missing.' },
    ]);
    expect(r.skippedRows).toBe(3);
  });

  it('keeps set and binary types from DynamoDB JSON files and converts where the content carries over', () => {
    const d = parseImport(
      '[{"ticketId":{"S":"a"},"n":{"N":"1.50"},"tags":{"SS":["x","y"]},"code":{"N":"7"}}]',
      'json',
    );
    const m = guessMappings(d, schema).map((x) =>
      x.column === 'code' ? { ...x, type: 'S' as const } : x,
    );
    expect(mapImport(d, m, schema).items).toEqual([
      { ticketId: { S: 'a' }, n: { N: '1.50' }, tags: { SS: ['x', 'y'] }, code: { S: '7' } },
    ]);
  });

  it('stages the items as puts in one batch', () => {
    const e = importEdit('c', 'T', r.items);
    expect(e).toEqual({
      type: 'batch',
      edits: [{ type: 'putItem', connectionId: 'c', table: 'T', item: r.items[0] }],
    });
  });
});

describe('numbers with a leading + in an import', () => {
  it('are staged without it, from CSV text and from JSON strings alike', () => {
    const p = parseImport('ticketId,n,qty,nums\nT-1,+1,+12.50,+1|2', 'csv');
    const mappings: ColumnMapping[] = [
      { column: 'ticketId', type: 'S', separator: '|' },
      { column: 'n', type: 'N', separator: '|' },
      { column: 'qty', type: 'N', separator: '|' },
      { column: 'nums', type: 'NS', separator: '|' },
    ];
    expect(mapImport(p, mappings, schema).items[0]).toEqual({
      ticketId: { S: 'T-1' },
      n: { N: '1' },
      qty: { N: '12.50' },
      nums: { NS: ['1', '2'] },
    });
    const j = parseImport('{"ticketId":{"S":"T-2"},"n":{"N":"+2"}}', 'jsonl');
    const jm: ColumnMapping[] = [
      { column: 'ticketId', type: 'S', separator: ',' },
      { column: 'n', type: 'N', separator: ',' },
    ];
    expect(mapImport(j, jm, schema).items[0]).toEqual({ ticketId: { S: 'T-2' }, n: { N: '2' } });
  });
});
