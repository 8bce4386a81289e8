import { describe, expect, it } from 'vitest';
import { commitIdSchema } from '../contract/commit';
import type { KeySchema } from '../dynamo/types';
import {
  changeId,
  changeIdOf,
  changeIdPrefix,
  itemId,
  itemIdOf,
  newCommitId,
  parseChangeId,
  parseTableRef,
  rowId,
  rowIdOfKey,
  rowIdStart,
  tableRef,
} from './identity';

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const key = { pk: { S: 'a/b\u0000c' }, sk: { N: '1.50' } };

describe('identity', () => {
  it('keeps the stored formats: NUL-joined connection, table and canonical key', () => {
    expect(tableRef('conn', 'T')).toBe('conn\u0000T');
    expect(changeIdPrefix('conn', 'T')).toBe('conn\u0000T\u0000');
    expect(changeId('conn', 'T', key, schema)).toBe('conn\u0000T\u0000' + rowId(key, schema));
    expect(changeIdOf('conn', 'T', '["x"]')).toBe('conn\u0000T\u0000["x"]');
  });

  it('gives one row id for every spelling of a key', () => {
    expect(rowId({ sk: { N: '1.5' }, pk: { S: 'a/b\u0000c' } }, schema)).toBe(rowId(key, schema));
    expect(rowId(key, schema)).not.toContain('\u0000');
  });

  it('parses what it makes', () => {
    expect(parseTableRef(tableRef('my/conn', 'T.1'))).toEqual({
      connectionId: 'my/conn',
      table: 'T.1',
    });
    const id = changeId('my/conn', 'T', key, schema);
    expect(parseChangeId(id)).toEqual({
      connectionId: 'my/conn',
      table: 'T',
      rowId: rowId(key, schema),
    });
    expect(id.slice(rowIdStart(id))).toBe(rowId(key, schema));
  });

  it('answers null for text that is not an id', () => {
    expect(parseTableRef('plain')).toBeNull();
    expect(parseChangeId('plain')).toBeNull();
    expect(parseChangeId('onlyone\u0000part')).toBeNull();
    expect(rowIdStart('plain')).toBe(-1);
  });

  it('names an item within a connection: table, NUL, row id (the tail of its change id)', () => {
    expect(itemId('T', key, schema)).toBe('T\u0000' + rowId(key, schema));
    expect(itemIdOf('T', '["x"]')).toBe('T\u0000["x"]');
    const id = changeId('conn', 'T', key, schema);
    expect(id.endsWith(itemId('T', key, schema))).toBe(true);
  });

  it('gives a key without a schema one row id, whatever its attribute order and number spelling', () => {
    const a = rowIdOfKey({ sk: { N: '1.50' }, pk: { S: 'a,b' } });
    expect(rowIdOfKey({ pk: { S: 'a,b' }, sk: { N: '1.5' } })).toBe(a);
    expect(rowIdOfKey({ pk: { S: 'a' }, sk: { N: '1.5' } })).not.toBe(a);
    expect(rowIdOfKey({ pk: { S: 'a,b=' } })).not.toBe(
      rowIdOfKey({ pk: { S: 'a' }, b: { S: '' } }),
    );
    expect(a).not.toContain('\u0000');
  });

  it('makes commit ids the backend accepts, different each time', () => {
    const a = newCommitId();
    expect(commitIdSchema.parse(a)).toBe(a);
    expect(a).toMatch(/^\d{14}-[0-9a-f]{8}$/);
    expect(newCommitId()).not.toBe(a);
  });
});
