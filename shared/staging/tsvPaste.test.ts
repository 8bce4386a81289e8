import { describe, expect, it } from 'vitest';
import { applyEdit } from '../changes/apply';
import { changeId, emptyStaging, tableRef } from '../changes/types';
import type { Edit, ItemTarget } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { parseTsv, pasteTsv } from './tsvPaste';
import type { PasteRow } from './tsvPaste';

const schema: KeySchema = {
  partitionKey: { name: 'id', type: 'S' },
  sortKey: { name: 'n', type: 'N' },
};
const schemas = { [tableRef('c', 'T')]: schema };
const rowOf = (item: Item): PasteRow => ({
  target: { connectionId: 'c', table: 'T', key: item, original: item },
  current: item,
});

const a: Item = {
  id: { S: 'a' },
  n: { N: '1' },
  name: { S: 'Ann' },
  qty: { N: '5' },
  tags: { SS: ['x'] },
  on: { BOOL: true },
  gone: { NULL: true },
};
const b: Item = { id: { S: 'b' }, n: { N: '2' }, name: { S: 'Bob' } };
const columns = ['id', 'n', 'name', 'qty', 'tags', 'on', 'gone', 'extra'];

function setEdits(edit: Edit | null) {
  if (!edit || edit.type !== 'batch') return [];
  return edit.edits.map((e) =>
    e.type === 'setAttribute' ? [(e.target.key.id as { S: string }).S, e.name, e.value] : [e.type],
  );
}

describe('parseTsv', () => {
  it('splits rows and fields, ignoring one trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\t\tb')).toEqual([['a', '', 'b']]);
  });

  it('reads quoted fields with tabs, line breaks and doubled quotes, as spreadsheets write them', () => {
    expect(parseTsv('"x\ty"\t"line1\nline2"\t"say ""hi"""\n2')).toEqual([
      ['x\ty', 'line1\nline2', 'say "hi"'],
      ['2'],
    ]);
    // A quote inside an unquoted field is text.
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
  });
});

describe('pasteTsv', () => {
  it('keeps the type of each existing cell, and parses numbers only in N columns', () => {
    const r = pasteTsv({
      text: 'Anna\t7\t["y","z"]\tno\n',
      start: { row: 0, column: 2 },
      columns,
      rows: [rowOf(a), rowOf(b)],
      keySchema: schema,
    });
    expect(r.errors).toEqual([]);
    expect(setEdits(r.edit)).toEqual([
      ['a', 'name', { S: 'Anna' }],
      ['a', 'qty', { N: '7' }],
      ['a', 'tags', { SS: ['y', 'z'] }],
      ['a', 'on', { BOOL: false }],
    ]);
    expect(r.cells).toBe(4);
  });

  it('gives missing cells a string, or a number in a number column, with exact digits', () => {
    const big = '12345678901234567890123456789012345678';
    const r = pasteTsv({
      text: `${big}\t${big}`,
      start: { row: 1, column: 3 },
      columns: ['id', 'n', 'name', 'qty', 'note'],
      rows: [rowOf(a), rowOf(b)],
      keySchema: schema,
      numberColumns: new Set(['qty']),
    });
    expect(setEdits(r.edit)).toEqual([
      ['b', 'qty', { N: big }],
      ['b', 'note', { S: big }],
    ]);
  });

  it('reports unreadable fields per cell and skips only those', () => {
    const r = pasteTsv({
      text: 'abc\tAnn2',
      start: { row: 0, column: 3 },
      columns: ['id', 'n', 'name', 'qty', 'name2'],
      rows: [rowOf(a)],
      keySchema: schema,
    });
    expect(r.errors).toEqual([
      { row: 0, column: 3, attribute: 'qty', message: expect.stringContaining('not a number') },
    ]);
    expect(setEdits(r.edit)).toEqual([['a', 'name2', { S: 'Ann2' }]]);
  });

  it('leaves cells alone for empty fields and "null" over NULL, and clips what falls outside', () => {
    const r = pasteTsv({
      text: '\tnull\tx\tignored\nB2\n\nlost',
      start: { row: 0, column: 5 },
      columns,
      rows: [rowOf(a), rowOf(b)],
      keySchema: schema,
    });
    expect(setEdits(r.edit)).toEqual([
      ['a', 'extra', { S: 'x' }],
      ['b', 'on', { S: 'B2' }],
    ]);
    expect(r.clipped).toEqual({ rows: 2, columns: 1 });
  });

  it('refuses a duplicate set member and an empty set', () => {
    const r = pasteTsv({
      text: 'x,x\t[]',
      start: { row: 0, column: 4 },
      columns: ['id', 'n', 'name', 'qty', 'tags', 'tags2'],
      rows: [rowOf({ ...a, tags2: { NS: ['1'] } })],
      keySchema: schema,
    });
    expect(r.errors.map((e) => e.attribute)).toEqual(['tags', 'tags2']);
    expect(r.errors[0]?.message).toMatch(/twice/);
    expect(r.errors[1]?.message).toMatch(/cannot be empty/);
  });

  it('moves a row whose key is pasted over with one replaceItem, keeping its other pasted fields', () => {
    const r = pasteTsv({
      text: 'z\t9\tZed',
      start: { row: 0, column: 0 },
      columns,
      rows: [rowOf(a)],
      keySchema: schema,
    });
    expect(r.edit).toEqual({
      type: 'batch',
      edits: [
        {
          type: 'replaceItem',
          target: rowOf(a).target,
          item: { ...a, id: { S: 'z' }, n: { N: '9' }, name: { S: 'Zed' } },
        },
      ],
    });
    expect(r.cells).toBe(3);
    const s = applyEdit(emptyStaging, r.edit as Edit, schemas);
    const moved = { ...a, id: { S: 'z' }, n: { N: '9' }, name: { S: 'Zed' } };
    expect(s.changes.get(changeId('c', 'T', a, schema))?.kind).toBe('delete');
    expect(s.changes.get(changeId('c', 'T', moved, schema))).toMatchObject({
      kind: 'put',
      item: moved,
    });
  });

  it('keeps a pasted column named __proto__ as an attribute when the row moves', () => {
    const r = pasteTsv({
      text: 'z\t9\tproto text',
      start: { row: 0, column: 0 },
      columns: ['id', 'n', '__proto__'],
      rows: [rowOf(a)],
      keySchema: schema,
    });
    const edit = (r.edit as { edits: readonly Edit[] }).edits[0] as { type: string; item: Item };
    expect(edit.type).toBe('replaceItem');
    expect(Object.prototype.hasOwnProperty.call(edit.item, '__proto__')).toBe(true);
    expect(edit.item['__proto__']).toEqual({ S: 'proto text' });
    expect(Object.getPrototypeOf(edit.item)).toBe(Object.prototype);
  });

  it('is one batch: applying it stages every pasted cell at once', () => {
    const r = pasteTsv({
      text: 'A\nB',
      start: { row: 0, column: 2 },
      columns,
      rows: [rowOf(a), rowOf(b)],
      keySchema: schema,
    });
    const s = applyEdit(emptyStaging, r.edit as Edit, schemas);
    expect([...s.changes.keys()]).toHaveLength(2);
    const target: ItemTarget = rowOf(b).target;
    expect(s.changes.get(changeId('c', 'T', target.key, schema))).toMatchObject({
      kind: 'update',
      item: { ...b, name: { S: 'B' } },
    });
  });
});
