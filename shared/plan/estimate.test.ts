import { describe, expect, test } from 'vitest';
import type { Item, KeySchema } from '../dynamo/types';
import { DEFAULT_ASSUMPTIONS, estimate, formatDollars, modeLabel, priceOf } from './estimate';
import { plan } from './plan';
import type { KeySchemasByTable, PlanInput } from './types';

const users: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas: KeySchemasByTable = { Users: users };

const put = (id: string, item: Item, oldSize?: number): PlanInput => ({
  id,
  table: 'Users',
  kind: 'put',
  item,
  ...(oldSize !== undefined ? { oldSize } : {}),
});
const del = (id: string, oldSize: number): PlanInput => ({
  id,
  table: 'Users',
  kind: 'delete',
  key: { id: { S: id } },
  oldSize,
});
const small = (id: string) => ({ id: { S: id } });

// 3 updates and 2 new items (all under 1 KB), 1 delete of a 100-byte item.
const mixed: PlanInput[] = [
  put('u1', small('u1'), 50),
  put('u2', small('u2'), 50),
  put('u3', small('u3'), 50),
  put('n1', small('n1')),
  put('n2', small('n2')),
  del('d1', 100),
];
const isNew = (id: string) => id.startsWith('n');

describe('estimate', () => {
  test('batch: the planner requests, a drift read of every item', () => {
    const e = estimate(mixed, plan(mixed, schemas), 'batch', isNew, 'us-east-1');
    expect(e).toMatchObject({
      writeCalls: 1,
      guardedCalls: 0,
      readCalls: 1,
      calls: 2,
      wcu: 6,
      rcu: 6,
      priceAssumed: false,
    });
    // ceil(2 calls / 4 in flight) x 20 ms
    expect(e.seconds).toBeCloseTo(0.02, 9);
    // 6 WRU x $0.625/M + 6 RRU x $0.125/M
    expect(e.dollars).toBeCloseTo(4.5e-6, 12);
  });

  test('guarded: one call per update or delete, new items batched after an existence read', () => {
    const e = estimate(mixed, plan(mixed, schemas), 'guarded', isNew, 'us-east-1');
    expect(e).toMatchObject({
      writeCalls: 5,
      guardedCalls: 4,
      readCalls: 1,
      calls: 6,
      wcu: 6,
      rcu: 2,
    });
    expect(e.seconds).toBeCloseTo(0.04, 9);
    expect(e.dollars).toBeCloseTo(4e-6, 12);
  });

  test('WCU: a size the caller measured (sizeOf, by position) is used instead of measuring again', () => {
    // 'n1' is tiny, but the caller says its image is 3,000 bytes: 3 units instead of 1.
    const sizes = new Map([[3, 3000]]);
    const sizeOf = (op: PlanInput, i: number) => (op.id === 'n1' ? sizes.get(i) : undefined);
    const e = estimate(mixed, plan(mixed, schemas), 'batch', isNew, 'us-east-1', undefined, { sizeOf });
    expect(e.wcu).toBe(8);
  });

  test('WCU: an overwrite counts the larger image, a delete the deleted item, 1 KB units', () => {
    const big = { id: { S: 'b' }, blob: { S: 'x'.repeat(1500) } };
    const ops = [put('u1', small('u1'), 2500), put('n1', big), del('d1', 1025)];
    const p = plan(ops, schemas);
    for (const mode of ['batch', 'guarded'] as const) {
      expect(estimate(ops, p, mode, isNew, 'us-east-1').wcu).toBe(3 + 2 + 2);
    }
    // Reads: 4 KB units of the loaded image, 1 for an absent item.
    expect(estimate(ops, p, 'batch', isNew, 'us-east-1').rcu).toBe(1 + 1 + 1);
  });

  test('250 updates: 10 batch requests and 3 drift reads, or 250 guarded calls', () => {
    const ops = Array.from({ length: 250 }, (_, i) => put(`u${i}`, small(`u${i}`), 10));
    const p = plan(ops, schemas);
    const b = estimate(ops, p, 'batch', isNew, 'us-east-1');
    const g = estimate(ops, p, 'guarded', isNew, 'us-east-1', { concurrency: 4, singleConcurrency: 10, latencyMs: 50 });
    expect([b.writeCalls, b.readCalls, b.calls]).toEqual([10, 3, 13]);
    expect([g.writeCalls, g.readCalls, g.calls]).toEqual([250, 0, 250]);
    expect(g.seconds).toBeCloseTo(1.25, 9); // 25 rounds of 10 calls at 50 ms
    expect(g.dollars).toBeCloseTo((250 * 0.625) / 1e6, 12);
  });

  test('atomic: one transaction per 100 actions, one after another, nothing read, every write unit billed twice', () => {
    const ops = Array.from({ length: 250 }, (_, i) => put(`u${i}`, small(`u${i}`), 10));
    const p = plan(ops, schemas);
    const a = estimate(ops, p, 'atomic', isNew, 'us-east-1', { concurrency: 4, latencyMs: 50 });
    expect([a.writeCalls, a.readCalls, a.calls, a.wcu, a.rcu]).toEqual([3, 0, 3, 500, 0]);
    expect(a.seconds).toBeCloseTo(0.15, 9); // 3 transactions x 50 ms, never in parallel
    expect(a.dollars).toBeCloseTo((500 * 0.625) / 1e6, 12);
    // The planner's exact count (moves and checks change it) wins over the rule of thumb.
    expect(estimate(ops, p, 'atomic', isNew, 'us-east-1', DEFAULT_ASSUMPTIONS, { transactions: 4 }).writeCalls).toBe(4);
    expect(modeLabel('put', 'atomic')).toBe('TransactWriteItems, atomic');
  });

  test('drift check off: nothing is read, in batch or guarded mode', () => {
    const p = plan(mixed, schemas);
    for (const mode of ['batch', 'guarded'] as const) {
      const e = estimate(mixed, p, mode, isNew, 'us-east-1', DEFAULT_ASSUMPTIONS, { driftCheck: false });
      expect([e.readCalls, e.rcu]).toEqual([0, 0]);
    }
    expect(estimate(mixed, p, 'batch', isNew, 'us-east-1', DEFAULT_ASSUMPTIONS, { driftCheck: false }).dollars).toBeCloseTo((6 * 0.625) / 1e6, 12);
  });

  test('the chosen concurrency sets the time of batch calls', () => {
    const ops = Array.from({ length: 250 }, (_, i) => put(`u${i}`, small(`u${i}`), 10));
    const p = plan(ops, schemas);
    const at = (concurrency: number) => estimate(ops, p, 'batch', isNew, 'us-east-1', { concurrency, latencyMs: 20 }).seconds;
    expect(at(1)).toBeCloseTo(13 * 0.02, 9); // 10 writes + 3 reads, one at a time
    expect(at(8)).toBeCloseTo(2 * 0.02, 9);
  });

  test('collapsed and rejected operations cost nothing', () => {
    const ops = [put('u1', small('u1'), 10), put('u1b', small('u1'), 10), put('x', {})];
    const e = estimate(ops, plan(ops, schemas), 'guarded', isNew, 'us-east-1');
    expect([e.calls, e.wcu]).toEqual([1, 1]);
  });

  test('an unknown region is priced as us-east-1 and says so', () => {
    expect(priceOf('eu-west-3')).toEqual({ price: { write: 0.625, read: 0.125 }, assumed: true });
    expect(priceOf('us-west-2').assumed).toBe(false);
    expect(priceOf('__proto__').assumed).toBe(true);
  });

  test('labels and dollars', () => {
    expect(modeLabel('update', 'guarded')).toBe('UpdateItem, guarded');
    expect(modeLabel('delete', 'batch')).toBe('BatchWriteItem, batch');
    expect(modeLabel('put', 'guarded')).toBe('BatchWriteItem if absent (existence checked first)');
    expect(formatDollars(4.5e-6)).toBe('$0.0000045');
    expect(formatDollars(12.345)).toBe('$12.35');
    expect(formatDollars(0)).toBe('$0.00');
  });
});

describe('version attributes (optimistic lock)', () => {
  // An update whose item is 1 byte under 1 KB: the version attribute the guarded write adds
  // (name + a one-digit number) takes it over, to 2 write units.
  const name = 'rev';
  const filler = 1024 - 'id'.length - 'u1'.length - 'pad'.length - 1;
  const item: Item = { id: { S: 'u1' }, pad: { S: 'x'.repeat(filler) } };
  const ops = [put('u1', item, 100)];
  const guarded = (versions?: Record<string, string>) =>
    estimate(ops, plan(ops, schemas), 'guarded', () => false, 'us-east-1', DEFAULT_ASSUMPTIONS, {
      ...(versions ? { versions } : {}),
    });

  test('the estimate counts the version attribute a guarded write adds', () => {
    expect(guarded().wcu).toBe(1);
    expect(guarded({ Users: name }).wcu).toBe(2);
    // Already there: its value is replaced, the size stays.
    const has = [put('u1', { ...item, pad: { S: 'x'.repeat(filler - 5) }, rev: { N: '4' } }, 100)];
    const e = estimate(
      has,
      plan(has, schemas),
      'guarded',
      () => false,
      'us-east-1',
      DEFAULT_ASSUMPTIONS,
      {
        versions: { Users: name },
      },
    );
    expect(e.wcu).toBe(1);
    // Batch writes do not use it.
    expect(
      estimate(ops, plan(ops, schemas), 'batch', () => false, 'us-east-1', DEFAULT_ASSUMPTIONS, {
        versions: { Users: name },
      }).wcu,
    ).toBe(1);
  });

  test('the review names the version condition and increment', () => {
    expect(modeLabel('update', 'guarded', 'rev')).toBe(
      'UpdateItem, guarded; rev must hold the loaded value, +1',
    );
    expect(modeLabel('delete', 'guarded', 'rev')).toBe(
      'DeleteItem, guarded; rev must hold the loaded value',
    );
    expect(modeLabel('update', 'batch', 'rev')).toBe('BatchWriteItem, batch');
    expect(modeLabel('put', 'guarded', 'rev')).toBe(
      'BatchWriteItem if absent (existence checked first)',
    );
  });
});
