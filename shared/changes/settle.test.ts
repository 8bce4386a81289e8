import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply';
import { commitStep, emptyHistory } from './history';
import { settleCommit } from './settle';
import { idOf, row, schemas, target } from './testItems';
import { emptyStaging } from './types';

describe('settleCommit', () => {
  const a = row('a', '1', { n: { S: 'x' } });
  const b = row('b', '1', { n: { S: 'y' } });

  it('drops committed changes, marks failed ones, and clears history', () => {
    let { state, history } = commitStep(
      emptyStaging,
      emptyHistory,
      {
        type: 'batch',
        edits: [
          { type: 'setAttribute', target: target(a), name: 'n', value: { S: 'A' } },
          { type: 'deleteItem', target: target(b) },
        ],
      },
      schemas,
    );
    expect(history.past).toHaveLength(1);
    const sent = new Map(state.changes);
    ({ state, history } = settleCommit(state, {
      committed: { [idOf(a)]: sent.get(idOf(a))! },
      failed: { [idOf(b)]: 'AccessDenied' },
    }));
    expect([...state.changes.keys()]).toEqual([idOf(b)]);
    expect(state.changes.get(idOf(b))).toMatchObject({ kind: 'delete', error: 'AccessDenied' });
    expect(history).toEqual(emptyHistory);
  });

  it('keeps a change that was edited again while its commit was in flight', () => {
    const s1 = applyEdit(
      emptyStaging,
      { type: 'setAttribute', target: target(a), name: 'n', value: { S: 'A' } },
      schemas,
    );
    const sent = s1.changes.get(idOf(a))!;
    const s2 = applyEdit(
      s1,
      { type: 'setAttribute', target: target(a), name: 'n', value: { S: 'B' } },
      schemas,
    );
    const { state } = settleCommit(s2, { committed: { [idOf(a)]: sent }, failed: {} });
    expect(state.changes.get(idOf(a))).toMatchObject({ kind: 'update', item: { n: { S: 'B' } } });
  });
});
