/**
 * The scheduler's adaptation against dynalite behind the fault proxy: concurrency that grows with
 * latency (slow start) past the old fixed ceiling of 8, halves on throttling, and loses nothing.
 * Default options everywhere (no round caps); no wall-clock figure.
 */
import { expect, test } from 'vitest';
import type { KeySchema } from '../../shared/dynamo/types';
import type { PlanInput } from '../../shared/plan/types';
import { createTable, samplePuts, scanAll, useStack } from '../../test-support/fixtures/commitStack';
import { itemsEquivalent } from './equivalent';
import { executeCommit } from './executor';
import type { CommitOptions, CommitProgress } from './types';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const stack = useStack(29);
let tableNo = 0;

async function table(): Promise<string> {
  const name = `Adapt${++tableNo}`;
  await createTable(stack.direct, name, schema);
  return name;
}

/** New items as guarded puts (PutItem if the key is absent): the single-item lane. */
const guardedPuts = (t: string, n: number): PlanInput[] =>
  samplePuts(t, n).map((op) => ({ ...op, guard: { base: null } }));

async function commit(
  ops: PlanInput[],
  t: string,
  opts: CommitOptions,
  onProgress?: (p: CommitProgress) => void,
) {
  const seen: number[] = [];
  const report = await executeCommit(
    stack.client,
    ops,
    { [t]: schema },
    { progressIntervalMs: 0, ...opts },
    {
      onProgress: (p) => {
        if (seen.at(-1) !== p.concurrency) seen.push(p.concurrency);
        onProgress?.(p);
      },
    },
  );
  return { report, seen };
}

/** Every staged item is on the server as staged: compared item by item. */
async function expectAllThere(t: string, ops: PlanInput[]) {
  const server = new Map((await scanAll(stack.direct, t)).map((i) => [JSON.stringify(i.id), i]));
  expect(server.size).toBe(ops.length);
  for (const op of ops) {
    if (op.kind !== 'put') continue;
    const got = server.get(JSON.stringify(op.item.id));
    expect(got && itemsEquivalent(got, op.item)).toBe(true);
  }
}

test('at 100 ms, guarded writes grow from 4 calls in flight well past 8 within 250 writes; nothing lost', async () => {
  const t = await table();
  stack.proxy.setConfig({ latencyMs: 100 });
  const ops = guardedPuts(t, 250);
  const { report, seen } = await commit(ops, t, { singleConcurrency: 4 });
  expect(report.written).toHaveLength(250);
  expect(report.failed).toEqual([]);
  expect(seen[0]).toBe(4);
  // +1 per window of clean responses would need 270 responses to reach 24 (4 + 5 + ... + 23).
  expect(Math.max(...seen)).toBeGreaterThanOrEqual(24);
  await expectAllThere(t, ops);
});

test('at 100 ms, BatchWriteItem calls grow past the old ceiling of 8; nothing lost', async () => {
  const t = await table();
  stack.proxy.setConfig({ latencyMs: 100 });
  const ops = samplePuts(t, 1500);
  const { report, seen } = await commit(ops, t, {});
  expect(report.written).toHaveLength(1500);
  expect(Math.max(...seen)).toBeGreaterThan(8);
  await expectAllThere(t, ops);
});

/**
 * Every write to the table is refused (throttled) until the concurrency is down to 1; then the
 * table accepts again. Each cut is a halving (rounding up), and the commit ends with all written.
 */
async function halvesOnThrottling(ops: PlanInput[], t: string, opts: CommitOptions) {
  stack.proxy.setConfig({ unprocessedTables: [t] });
  let released = false;
  const { report, seen } = await commit(ops, t, opts, (p) => {
    if (!released && p.concurrency === 1) {
      released = true;
      stack.proxy.setConfig({ unprocessedTables: [] });
    }
  });
  expect(released).toBe(true);
  const down = seen.slice(0, seen.indexOf(1) + 1);
  for (let i = 1; i < down.length; i++) {
    expect(down[i]).toBe(Math.ceil((down[i - 1] as number) / 2));
  }
  expect(report.written).toHaveLength(ops.length);
  expect(report.failed).toEqual([]);
  await expectAllThere(t, ops);
  return down;
}

test('guarded writes: on throttling the concurrency halves, 16 -> 1, then all are written', async () => {
  const t = await table();
  const down = await halvesOnThrottling(guardedPuts(t, 200), t, {});
  expect(down).toEqual([16, 8, 4, 2, 1]);
});

test('BatchWriteItem: when the table hands every item back the concurrency halves to 1, then all are written', async () => {
  const t = await table();
  const down = await halvesOnThrottling(samplePuts(t, 600), t, { concurrency: 8 });
  expect(down).toEqual([8, 4, 2, 1]);
});
