import { describe, expect, it } from 'vitest';
import type { StagedChange } from '../../shared/changes/types';
import { settleEntries } from './settle';

const change = (item: StagedChange['key']): StagedChange => ({
  kind: 'update',
  connectionId: 'c',
  table: 'T',
  key: { id: { S: 'a' } },
  original: { id: { S: 'a' }, n: { N: '1' } },
  item,
});

describe('settleEntries', () => {
  it('removes a written change read back with its attributes and set members in another order', () => {
    const snapshot = new Map([
      ['x', change({ id: { S: 'a' }, n: { N: '2' }, tags: { SS: ['p', 'q'] } })],
    ]);
    const current = new Map([
      ['x', change({ tags: { SS: ['q', 'p'] }, n: { N: '2' }, id: { S: 'a' } })],
    ]);
    expect(settleEntries(snapshot, current, { x: { status: 'written' } })).toEqual([
      { id: 'x', connectionId: 'c', table: 'T' },
    ]);
  });

  it('leaves a change edited again while the commit ran as the user made it', () => {
    const snapshot = new Map([['x', change({ id: { S: 'a' }, n: { N: '2' } })]]);
    const current = new Map([['x', change({ id: { S: 'a' }, n: { N: '3' } })]]);
    expect(settleEntries(snapshot, current, { x: { status: 'written' } })).toEqual([]);
    // "2.0" is another number text than "2": DynamoDB keeps the digits the user typed.
    const respelled = new Map([['x', change({ id: { S: 'a' }, n: { N: '2.0' } })]]);
    expect(settleEntries(snapshot, respelled, { x: { status: 'written' } })).toEqual([]);
  });

  it('keeps a failed change with its reason, dropping the old one', () => {
    const before = { ...change({ id: { S: 'a' }, n: { N: '2' } }), error: 'old' };
    const snapshot = new Map([['x', before]]);
    const [entry] = settleEntries(snapshot, snapshot, {
      x: { status: 'failed', reason: 'too big' },
    });
    expect(entry?.change).toMatchObject({ kind: 'update', error: 'too big' });
  });
});
