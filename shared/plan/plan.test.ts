import { describe, expect, test } from 'vitest';
import type { Item, KeySchema } from '../dynamo/types';
import { toRequestItems } from './requestItems';
import { canonicalKey } from '../dynamo/key';
import { itemId } from '../changes/identity';
import { sizeOp } from './builder';
import { plan } from './plan';
import type { KeySchemasByTable, PlanInput } from './types';

const users: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const events: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'n', type: 'N' },
};
const schemas: KeySchemasByTable = { Users: users, Events: events };

const put = (id: string, table: string, item: Item, oldSize?: number): PlanInput => ({
  id,
  table,
  kind: 'put',
  item,
  ...(oldSize !== undefined ? { oldSize } : {}),
});
const del = (id: string, table: string, key: Item, oldSize?: number): PlanInput => ({
  id,
  table,
  kind: 'delete',
  key,
  ...(oldSize !== undefined ? { oldSize } : {}),
});
const userPuts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    put(`u${from + i}`, 'Users', { id: { S: `user-${from + i}` } }),
  );

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('plan', () => {
  test('packs 25 operations per request, summed across tables, in input order', () => {
    const ops: PlanInput[] = [];
    for (let i = 0; i < 30; i++) {
      ops.push(put(`u${i}`, 'Users', { id: { S: `u${i}` } }));
      ops.push(del(`e${i}`, 'Events', { pk: { S: 'p' }, n: { N: String(i) } }));
    }
    const p = plan(ops, schemas);
    expect(p.requests.map((r) => r.ops.length)).toEqual([25, 25, 10]);
    expect(p.requests.flatMap((r) => r.ops.map((o) => o.id))).toEqual(ops.map((o) => o.id));
    expect(p.summary).toMatchObject({
      puts: 30,
      deletes: 30,
      requests: 3,
      collapsed: 0,
      rejected: 0,
    });
  });

  test('an empty input plans no request', () => {
    expect(plan([], schemas)).toEqual({
      requests: [],
      collapsed: [],
      rejected: [],
      summary: { puts: 0, deletes: 0, requests: 0, bytes: 0, wcu: 0, collapsed: 0, rejected: 0 },
    });
  });

  test('duplicate keys collapse, last wins, and are reported; numbers compare normalised', () => {
    const ops = [
      put('a', 'Events', { pk: { S: 'p' }, n: { N: '1.0' }, v: { S: 'first' } }),
      put('b', 'Users', { id: { S: 'x' } }),
      del('c', 'Events', { pk: { S: 'p' }, n: { N: '1' } }),
      put('d', 'Events', { pk: { S: 'p' }, n: { N: '10e-1' }, v: { S: 'last' } }),
      put('e', 'Users', { id: { S: 'p' } }), // same key value, other table: not a duplicate
    ];
    const p = plan(ops, schemas);
    expect(p.requests.flatMap((r) => r.ops.map((o) => o.id))).toEqual(['b', 'd', 'e']);
    expect(p.collapsed).toEqual([
      { id: 'a', by: 'd' },
      { id: 'c', by: 'd' },
    ]);
    expect(p.summary.collapsed).toBe(2);
  });

  test('unknown tables and missing key attributes are rejected, not packed', () => {
    const ops = [
      put('a', 'Nope', { id: { S: 'x' } }),
      put('b', 'Events', { pk: { S: 'p' } }),
      del('c', 'Users', {}),
      put('d', 'Users', { id: { S: 'ok' } }),
    ];
    const p = plan(ops, schemas);
    expect(p.rejected).toEqual([
      { id: 'a', reason: 'no key schema for table "Nope"' },
      { id: 'b', reason: 'missing key attribute "n"' },
      { id: 'c', reason: 'missing key attribute "id"' },
    ]);
    expect(p.requests.map((r) => r.ops.map((o) => o.id))).toEqual([['d']]);
  });

  test('a malformed value (unchecked JSON) is rejected, not thrown', () => {
    const bad = { id: 'bad', table: 'Users', kind: 'put', item: { id: { S: 'x' }, b: { B: 5 } } };
    const p = plan([bad as unknown as PlanInput, ...userPuts(2)], schemas);
    expect(p.rejected).toEqual([
      { id: 'bad', reason: expect.stringMatching(/^not a DynamoDB JSON item/) },
    ]);
    expect(p.summary.puts).toBe(2);
  });

  test('the byte budget closes a request early and each body stays within it', () => {
    const big = 'x'.repeat(300_000);
    const ops = Array.from({ length: 10 }, (_, i) =>
      put(`b${i}`, 'Users', { id: { S: `k${i}` }, blob: { S: big } }),
    );
    const maxBytes = 1_000_000;
    const p = plan(ops, schemas, { maxBytes });
    expect(p.requests.map((r) => r.ops.length)).toEqual([3, 3, 3, 1]);
    for (const r of p.requests) {
      const body = { RequestItems: toRequestItems(r.ops), ReturnConsumedCapacity: 'TOTAL' };
      expect(r.bytes).toBe(utf8(JSON.stringify(body)));
      expect(r.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(p.summary.bytes).toBe(p.requests.reduce((n, r) => n + r.bytes, 0));
  });

  test('an operation too large for any request is rejected', () => {
    const p = plan(
      [put('huge', 'Users', { id: { S: 'h' }, s: { S: 'y'.repeat(2000) } })],
      schemas,
      {
        maxBytes: 1000,
      },
    );
    expect(p.rejected).toEqual([{ id: 'huge', reason: 'request would exceed 1000 bytes' }]);
    expect(p.requests).toEqual([]);
  });

  test('maxOps is honoured and clamped to 25', () => {
    expect(plan(userPuts(10), schemas, { maxOps: 4 }).requests.map((r) => r.ops.length)).toEqual([
      4, 4, 2,
    ]);
    expect(plan(userPuts(60), schemas, { maxOps: 100 }).summary.requests).toBe(3);
  });

  test('WCU: puts on max(new, old) per started KB, deletes on the old size or 1', () => {
    const p = plan(
      [
        put('small', 'Users', { id: { S: 'a' } }), // 1
        put('grows', 'Users', { id: { S: 'b' }, s: { S: 'z'.repeat(1500) } }, 100), // 2
        put('shrinks', 'Users', { id: { S: 'c' } }, 3000), // 3
        del('known', 'Users', { id: { S: 'd' } }, 4097), // 5
        del('unknown', 'Users', { id: { S: 'e' } }), // 1
      ],
      schemas,
    );
    expect(p.summary.wcu).toBe(12);
    expect(p.requests[0]?.wcu).toBe(12);
  });

  test('is deterministic', () => {
    const ops = [...userPuts(40), del('d', 'Users', { id: { S: 'user-3' } })];
    expect(plan(ops, schemas)).toEqual(plan(ops, schemas));
  });

  test('key ids read from change-style ids are checked against the item, never trusted', () => {
    const key = (k: string, n: string) => ({ pk: { S: k }, n: { N: n } });
    const cid = (table: string, k: string, n: string) =>
      `conn\u0000${table}\u0000${canonicalKey(key(k, n), events)}`;
    const ops = [
      put(cid('Events', 'a', '1'), 'Events', key('a', '1')),
      // Says "a"/"1" but holds "b"/"2": measured from the item.
      put(cid('Events', 'a', '1') + ' ', 'Events', key('b', '2')),
      put(cid('Events', 'b', '2'), 'Events', key('b', '2.0')), // same key as the one before
      put(cid('Users', 'c', '3'), 'Events', key('c', '3')), // another table's id
      del('plain-id', 'Events', key('c', '3')),
    ];
    for (const op of ops) {
      const item = op.kind === 'put' ? op.item : op.key;
      expect(sizeOp(op, events).keyId).toBe(itemId('Events', item, events));
    }
    const p = plan(ops, schemas);
    expect(p.collapsed).toEqual([
      { id: ops[1]?.id, by: ops[2]?.id },
      { id: ops[3]?.id, by: 'plain-id' },
    ]);
  });

  test('a re-plan of the same inputs reuses their measurements, and only theirs', () => {
    const ops = userPuts(30);
    const first = plan(ops, schemas);
    expect(plan(ops, schemas)).toEqual(first);
    // Same ids, other objects (a changed item): measured again.
    const changed = ops.map((op, i) =>
      i === 3 && op.kind === 'put'
        ? { ...op, item: { ...op.item, big: { S: 'x'.repeat(5000) } } }
        : op,
    );
    const again = plan(changed, schemas);
    expect(again.summary.bytes).toBe(
      first.summary.bytes + JSON.stringify({ big: { S: 'x'.repeat(5000) } }).length - 1,
    );
    expect(again.summary.wcu).toBe(first.summary.wcu + 4);
    // Another key schema for the table: measured again, against that schema.
    const byName = { Users: { partitionKey: { name: 'id', type: 'S' as const } } };
    expect(plan(ops, byName)).toEqual(first);
    expect(
      plan(ops, { Users: { partitionKey: { name: 'nope', type: 'S' } } }).rejected,
    ).toHaveLength(30);
  });
});
