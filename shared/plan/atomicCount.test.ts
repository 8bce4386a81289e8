import { describe, expect, test } from 'vitest';
import { measureItemUncached } from '../dynamo/measure';
import type { Item, KeySchema } from '../dynamo/types';
import { transactAction, type TransactAction } from './atomicGroups';
import { atomicOps, atomicTransactionCount, planAtomic, putActionBound, type AtomicCheck } from './atomicPlan';
import { jsonLength } from './jsonLength';
import type { PlanInput } from './types';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { T: schema };

/** An item whose attribute names are counted each time something lists them (a walk). */
function counted(item: Item, walks: { n: number }): Item {
  return new Proxy(item, {
    ownKeys(t) {
      walks.n++;
      return Reflect.ownKeys(t);
    },
  });
}

const put = (i: number, extra: Item = {}): PlanInput => ({
  id: `p${i}`,
  table: 'T',
  kind: 'put',
  item: { id: { S: `k${i}` }, note: { S: `row ${i}` }, ...extra },
});

/** The bound the estimate gives: the measured JSON bytes of each put's item. */
const measuredBound = (ops: readonly PlanInput[]) => (i: number, action: TransactAction) => {
  const op = ops[i]!;
  const m = op.kind === 'put' ? measureItemUncached(op.item) : null;
  return op.kind === 'put' && m ? putActionBound(action, op.item, m.jsonBytes) : undefined;
};

describe('putActionBound', () => {
  const cases: [string, Item][] = [
    ['ASCII', { id: { S: 'k1' }, n: { N: '12.5' }, ok: { BOOL: true }, nil: { NULL: true } }],
    ['escapes', { id: { S: 'k2' }, s: { S: 'a "quoted" \\ back\nslash\t\u0001' } }],
    ['two-, three- and four-byte characters', { id: { S: 'k3' }, s: { S: 'é € 😀 ✓' }, 'ñame': { SS: ['ü', 'x'] } }],
    ['a lone surrogate', { id: { S: 'k4' }, s: { S: 'a\ud800b' } }],
    ['binary and nesting', { id: { S: 'k5' }, b: { B: 'AAECAw==' }, m: { M: { l: { L: [{ N: '1' }, { S: 'x' }] } } } }],
  ];
  for (const [name, item] of cases) {
    test(`bounds the Put action's JSON length from the item's measured bytes (${name})`, () => {
      const [op] = atomicOps([{ id: 'x', table: 'T', kind: 'put', item }]);
      const action = transactAction(op!, schema);
      const bytes = measureItemUncached(item)!.jsonBytes;
      const bound = putActionBound(action, item, bytes)!;
      expect(bound).toBeGreaterThanOrEqual(JSON.stringify(action).length);
      // Exact when the JSON is ASCII (its bytes are its characters).
      if (Buffer.byteLength(JSON.stringify(item)) === JSON.stringify(item).length) expect(bound).toBe(jsonLength(action));
    });
  }
  test('gives no bound for a Delete, or for a Put of another item', () => {
    const [op] = atomicOps([put(1)]);
    const action = transactAction(op!, schema);
    expect(putActionBound(action, { id: { S: 'other' } }, 10)).toBeUndefined();
    expect(putActionBound({ Delete: { TableName: 'T', Key: { id: { S: 'k' } } } }, op!.kind === 'put' ? op!.item : {}, 10)).toBeUndefined();
  });
});

describe('atomicTransactionCount', () => {
  test('counts what planAtomic plans without walking the items when their bytes cannot reach 4 MB', () => {
    const walks = { n: 0 };
    const plain = Array.from({ length: 250 }, (_, i) => put(i));
    // Measured beforehand, as the planner's session has them when the estimate asks.
    const bytes = plain.map((op) => (op.kind === 'put' ? measureItemUncached(op.item)!.jsonBytes : 0));
    const ops = plain.map((p) => (p.kind === 'put' ? { ...p, item: counted(p.item, walks) } : p));
    const bound = (i: number, a: TransactAction) => {
      const op = ops[i]!;
      return op.kind === 'put' ? putActionBound(a, op.item, bytes[i]!) : undefined;
    };
    const count = atomicTransactionCount(ops, schemas, 'group', [], bound);
    expect(walks.n).toBe(0);
    const planned = planAtomic(ops, schemas, 'group');
    expect(walks.n).toBeGreaterThan(0);
    expect(count).toBe(planned.groups.length);
    expect(count).toBe(3);
  });

  test('when bytes do split the groups (60 KB items), counts exactly what planAtomic plans', () => {
    const big = { S: 'x'.repeat(60_000) };
    const ops = Array.from({ length: 300 }, (_, i) => put(i, { big }));
    const planned = planAtomic(ops, schemas, 'group');
    // 4 MB holds 69 of these, not 100: the limit is bytes here.
    expect(planned.groups.length).toBe(5);
    expect(atomicTransactionCount(ops, schemas, 'group', [], measuredBound(ops))).toBe(5);
  });

  test('a loose bound (more than the limit for one action) falls back to measuring, and still agrees', () => {
    const ops = Array.from({ length: 150 }, (_, i) => put(i));
    expect(atomicTransactionCount(ops, schemas, 'group', [], () => 5 * 1024 * 1024)).toBe(planAtomic(ops, schemas).groups.length);
  });

  test('agrees with planAtomic on moves, clashes, checks, scope all and refusals', () => {
    const ops: PlanInput[] = [
      ...Array.from({ length: 120 }, (_, i) => put(i)),
      // A move: the delete waits for its put and travels with it.
      { id: 'mv-put', table: 'T', kind: 'put', item: { id: { S: 'moved' } } },
      { id: 'mv-del', table: 'T', kind: 'delete', key: { id: { S: 'k3' } }, after: 'mv-put' },
      // The same item twice: a clash closes the group.
      put(5, { again: { BOOL: true } }),
    ];
    const check: AtomicCheck = { table: 'T', key: { id: { S: 'elsewhere' } }, expect: 'exists' };
    const bound = measuredBound(ops);
    for (const [scope, checks] of [
      ['group', []],
      ['group', [check]],
      ['all', []],
      ['group', [{ table: 'T', key: { id: { S: 'k7' } }, expect: 'absent' }]],
      ['group', [{ table: 'Nope', key: { id: { S: 'k' } }, expect: 'exists' }]],
    ] as const) {
      const planned = planAtomic(ops, schemas, scope, [...checks]);
      expect(atomicTransactionCount(ops, schemas, scope, [...checks], bound)).toBe(planned.groups.length);
    }
    // The refusals count no transaction.
    expect(atomicTransactionCount(ops, schemas, 'group', [{ table: 'T', key: { id: { S: 'k7' } }, expect: 'absent' }], bound)).toBe(0);
  });
});
