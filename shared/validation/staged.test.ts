import { describe, expect, it } from 'vitest';
import { tableRef, type StagedChange } from '../changes/types';
import type { KeySchema } from '../dynamo/types';
import { changeIssues, IssueCache, validateStaged } from './staged';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { [tableRef('c', 'T')]: schema };
const put = (id: string, extra = {}): StagedChange => ({
  kind: 'put',
  connectionId: 'c',
  table: 'T',
  key: { id: { S: id } },
  item: { id: { S: id }, ...extra },
});

describe('validateStaged', () => {
  it('lists issues in staging order, one per path, then planner refusals not explained already', () => {
    const changes = new Map<string, StagedChange>([
      ['a', put('a', { s: { SS: ['x', 'x', 'x'] } })],
      ['b', put('b')],
      ['c', put('', {})],
    ]);
    const issues = validateStaged(changes, schemas, {
      rejected: [
        { id: 'a', reason: 'duplicate' },
        { id: 'b', reason: 'too large for a request' },
      ],
    });
    expect(issues.map((i) => [i.id, i.code])).toEqual([
      ['a', 'set-duplicate'],
      ['c', 'key-empty'],
      ['b', 'unplannable'],
    ]);
  });

  it('checks index keys when the caller knows the indexes', () => {
    const changes = new Map([['a', put('a', { status: { N: '1' } })]]);
    const indexes = {
      [tableRef('c', 'T')]: [
        { name: 'byStatus', key: { partitionKey: { name: 'status', type: 'S' as const } } },
      ],
    };
    expect(validateStaged(changes, schemas)).toEqual([]);
    expect(validateStaged(changes, schemas, { indexes }).map((i) => i.code)).toEqual([
      'index-key-type',
    ]);
  });

  it('a delete is checked on its key only; an unknown schema is an issue of its own', () => {
    const del: StagedChange = {
      kind: 'delete',
      connectionId: 'c',
      table: 'T',
      key: { id: { S: 'a' } },
      original: { id: { S: 'a' }, s: { SS: [] } },
    };
    expect(changeIssues('d', del, schema)).toEqual([]);
    expect(changeIssues('d', del, undefined)[0]?.code).toBe('no-schema');
  });

  it('a cache the caller owns keeps the answer for the same change object', () => {
    const cache = new IssueCache();
    const bad = put('a', { n: { N: 'x' } });
    const first = changeIssues('a', bad, schema, cache);
    expect(first.map((i) => i.code)).toEqual(['number-invalid']);
    expect(changeIssues('a', bad, schema, cache)).toBe(first);
    expect(changeIssues('a', bad, { ...schema }, cache)).not.toBe(first);
  });
});
