import { describe, expect, it } from 'vitest';
import { itemSize } from '../dynamo/size';
import { applyEdit } from './apply';
import { CONN, TABLE, idOf, row, schemas, target } from './testItems';
import { planInputs } from './toPlan';
import { emptyStaging } from './types';

describe('planInputs', () => {
  it('turns puts and updates into full puts and deletes into deletes by key, with old sizes', () => {
    const a = row('a', '1', { n: { S: 'x' } });
    const b = row('b', '1', { n: { S: 'long value' } });
    const n = row('n', '1');
    let s = applyEdit(
      emptyStaging,
      { type: 'setAttribute', target: target(a), name: 'n', value: { S: 'X' } },
      schemas,
    );
    s = applyEdit(s, { type: 'deleteItem', target: target(b) }, schemas);
    s = applyEdit(s, { type: 'putItem', connectionId: CONN, table: TABLE, item: n }, schemas);
    expect(planInputs(s.changes, CONN)).toEqual([
      {
        id: idOf(a),
        table: TABLE,
        kind: 'put',
        item: { ...a, n: { S: 'X' } },
        oldSize: itemSize(a),
      },
      { id: idOf(b), table: TABLE, kind: 'delete', key: row('b', '1'), oldSize: itemSize(b) },
      { id: idOf(n), table: TABLE, kind: 'put', item: n },
    ]);
    expect(planInputs(s.changes, 'other-connection')).toEqual([]);
  });
});
