import { expect, test } from 'vitest';
import { itemId } from '../../shared/changes/identity';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { plan } from '../../shared/plan/plan';
import type { PlanInput } from '../../shared/plan/types';
import { executeCommit } from './executor';
import { createTable, idOf, samplePuts, scanAll, useStack } from '../../test-support/fixtures/commitStack';
import type { CommitProgress } from './types';
import { itemsEquivalent } from './equivalent';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const fast = { baseMs: 1, capMs: 20 };
const stack = useStack(7);
let tableNo = 0;

async function table(): Promise<string> {
  const name = `Exec${++tableNo}`;
  await createTable(stack.direct, name, schema);
  return name;
}

const puts = (t: string, n: number, prefix = 'item'): PlanInput[] =>
  samplePuts(t, n, prefix, prefix);

/** Records every BatchWriteItem body and returns a check that none held a key twice. */
function recordDuplicates(schemas: Record<string, KeySchema>) {
  const dups: string[] = [];
  let ops = 0;
  stack.proxy.onBatchWrite = (body) => {
    const seen = new Set<string>();
    for (const [t, reqs] of Object.entries(body.RequestItems)) {
      for (const r of reqs as { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]) {
        ops++;
        const id = itemId(
          t,
          r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {},
          schemas[t] as KeySchema,
        );
        if (seen.has(id)) dups.push(id);
        seen.add(id);
      }
    }
  };
  return { dups, ops: () => ops };
}

test('10,000 puts through 30% unprocessed, 10% throttled and 2% dropped: nothing lost', async () => {
  const t = await table();
  const ops = puts(t, 10_000);
  stack.proxy.setConfig({
    unprocessedFraction: 0.3,
    throttleFraction: 0.1,
    dropBeforeFraction: 0.01,
    dropAfterFraction: 0.01,
  });
  const rec = recordDuplicates({ [t]: schema });
  const progress: CommitProgress[] = [];
  // 20 rounds, not 10: with ~38% of attempts failing, 11 straight misses for one of 10,000
  // operations would happen in about one run out of four.
  const report = await executeCommit(
    stack.client,
    ops,
    { [t]: schema },
    { backoff: fast },
    {
      onProgress: (p) => progress.push(p),
    },
  );

  expect(report.failed).toEqual([]);
  expect(report.written).toHaveLength(10_000);
  expect(new Set(report.written).size).toBe(10_000);
  const server = await scanAll(stack.direct, t);
  expect(server).toHaveLength(10_000);
  const staged = new Map(
    ops.map((o) => [o.kind === 'put' ? idOf(o.item) : '', o.kind === 'put' ? o.item : {}]),
  );
  for (const item of server) expect(itemsEquivalent(item, staged.get(idOf(item)) ?? {})).toBe(true);

  expect(rec.dups).toEqual([]);
  const p = stack.proxy.counters;
  const c = report.counters;
  expect(c.requests).toBe(p.calls.BatchWriteItem);
  expect(c.opsSent).toBe(rec.ops());
  expect(c.throttledCalls).toBe(p.throttled);
  expect(c.networkErrors).toBe(p.droppedBefore + p.droppedAfter);
  expect(c.consumedCapacity).toBe(p.opsForwarded - p.opsDroppedAfter); // 1 WCU per item
  expect(c.unprocessed).toBeGreaterThan(2000);
  expect(c.rounds).toBeGreaterThan(1);
  expect(c.retriedOps).toBeGreaterThan(3000);
  // Operations in a dropped call may have been written: their next send is a resend.
  expect(report.resent.length).toBeGreaterThan(0);
  expect(report.resent.length).toBeLessThanOrEqual(c.retriedOps);

  const last = progress.at(-1);
  expect(last).toMatchObject({ done: 10_000, failed: 0, retrying: 0, canceled: 0, total: 10_000 });
  expect(progress.length).toBeGreaterThan(1);
  expect(progress.every((q) => q.concurrency >= 1 && q.concurrency <= 32)).toBe(true);
});

test('a clean run sends exactly the planned requests', async () => {
  const t = await table();
  const p = plan(puts(t, 260), { [t]: schema });
  const seen: number[] = [];
  stack.proxy.onBatchWrite = (body) => seen.push(Object.values(body.RequestItems).flat().length);
  const report = await executeCommit(stack.client, p, { [t]: schema });
  expect(report.written).toHaveLength(260);
  // On a clean table every planned request is sent once. A call the machine was too busy to
  // connect or answer in time (a network error, counted) is sent again: the only extra allowed.
  const extra = report.counters.networkErrors;
  expect(report.counters.requests).toBe(p.summary.requests + extra);
  const planned = p.requests.map((r) => r.ops.length).sort((a, b) => a - b);
  if (extra === 0) expect(seen.sort((a, b) => a - b)).toEqual(planned);
  else {
    const left = [...seen];
    for (const n of planned) {
      expect(left).toContain(n);
      left.splice(left.indexOf(n), 1);
    }
    expect(left.length).toBeLessThanOrEqual(extra);
  }
  // Each item written once (1 WCU each), whatever was resent.
  expect(report.counters.consumedCapacity).toBe(p.summary.wcu);
  if (extra === 0) expect(report.resent).toEqual([]);
});

test('bad operations in a batch are isolated by splitting, reported with the service message', async () => {
  const t = await table();
  const ops = puts(t, 60);
  ops[17] = { id: 'wrongKeyType', table: t, kind: 'put', item: { id: { N: '17' } } };
  ops[42] = {
    id: 'tooBig',
    table: t,
    kind: 'put',
    item: { id: { S: 'big' }, blob: { S: 'x'.repeat(410_000) } },
  };
  const rec = recordDuplicates({ [t]: schema });
  stack.proxy.setConfig({ unprocessedFraction: 0.2 });
  const report = await executeCommit(stack.client, ops, { [t]: schema }, { backoff: fast });

  expect(report.failed.map((f) => f.id).sort()).toEqual(['tooBig', 'wrongKeyType']);
  const reasons = Object.fromEntries(report.failed.map((f) => [f.id, f.reason]));
  expect(reasons.wrongKeyType).toMatch(
    /^ValidationException: .*key element does not match the schema/,
  );
  expect(reasons.tooBig).toMatch(
    /^ValidationException: .*size has exceeded the maximum allowed size/,
  );
  expect(report.written).toHaveLength(58);
  expect((await scanAll(stack.direct, t)).map(idOf).sort()).toEqual(
    ops
      .filter((o) => o.id !== 'wrongKeyType' && o.id !== 'tooBig')
      .map((o) => (o.kind === 'put' ? idOf(o.item) : ''))
      .sort(),
  );
  expect(report.counters.rejectedCalls).toBeGreaterThan(1);
  expect(rec.dups).toEqual([]);
});

test('a malformed operation fails alone, before any call', async () => {
  const t = await table();
  const ops = puts(t, 5);
  // Only reachable from unchecked JSON: binary that is not a string.
  ops[2] = {
    id: 'badBinary',
    table: t,
    kind: 'put',
    item: { id: { S: 'x' }, b: { B: 5 } } as never,
  };
  const report = await executeCommit(stack.client, ops, { [t]: schema });
  expect(report.failed).toEqual([
    { id: 'badBinary', reason: expect.stringMatching(/^not a DynamoDB JSON item: TypeError/) },
  ]);
  expect(report.written).toHaveLength(4);
});

test('a missing table pauses its operations (no bisecting); the other table is written', async () => {
  const t = await table();
  const ops: PlanInput[] = [...puts(t, 10), ...puts('NoSuchTable', 10, 'ghost')].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  const report = await executeCommit(stack.client, ops, { [t]: schema, NoSuchTable: schema });
  expect(report.written.sort()).toEqual(
    puts(t, 10)
      .map((o) => o.id)
      .sort(),
  );
  expect(report.failed).toHaveLength(0);
  expect(report.paused).toHaveLength(10);
  for (const f of report.paused) {
    expect(f.reason).toMatch(
      /^paused: table NoSuchTable was not found \(ResourceNotFoundException/,
    );
  }
});

test('operations still unprocessed after maxRounds fail and stay unwritten', async () => {
  const t = await table();
  stack.proxy.setConfig({ unprocessedFraction: 1 });
  const report = await executeCommit(
    stack.client,
    puts(t, 30),
    { [t]: schema },
    { backoff: { ...fast, maxRounds: 3 } },
  );
  expect(report.written).toEqual([]);
  expect(report.failed).toHaveLength(30);
  expect(report.failed[0]?.reason).toBe(
    'still unprocessed after 3 rounds (last: UnprocessedItems)',
  );
  expect(report.counters.rounds).toBe(3);
  expect(stack.proxy.counters.writeOps).toBe(30 * 4);
  expect(await scanAll(stack.direct, t)).toEqual([]);

  stack.proxy.setConfig({ unprocessedFraction: 0, throttleFraction: 1 });
  const throttled = await executeCommit(
    stack.client,
    puts(t, 5),
    { [t]: schema },
    { backoff: { ...fast, maxRounds: 2 } },
  );
  expect(throttled.failed[0]?.reason).toMatch(
    /^still unprocessed after 2 rounds \(last: ProvisionedThroughputExceededException/,
  );
  expect(throttled.counters.throttledCalls).toBe(3);
});

test('duplicate keys collapse (last wins) and no request ever holds a key twice', async () => {
  const t = await table();
  const ops: PlanInput[] = [];
  for (let i = 0; i < 100; i++) {
    ops.push({
      id: `a${i}`,
      table: t,
      kind: 'put',
      item: { id: { S: `k${i % 30}` }, v: { N: String(i) } },
    });
  }
  ops.push({ id: 'del', table: t, kind: 'delete', key: { id: { S: 'k3' } } });
  const rec = recordDuplicates({ [t]: schema });
  stack.proxy.setConfig({ unprocessedFraction: 0.4 });
  const report = await executeCommit(stack.client, ops, { [t]: schema }, { backoff: fast });
  expect(rec.dups).toEqual([]);
  expect(report.superseded).toHaveLength(71);
  expect(report.outcomes.a0).toEqual({ status: 'superseded', by: 'a90' });
  expect(report.outcomes.a3).toEqual({ status: 'superseded', by: 'del' });
  const server = await scanAll(stack.direct, t);
  expect(server).toHaveLength(29);
  expect(server.find((i) => idOf(i) === 'k5')?.v).toEqual({ N: '95' });
});

test('cancel: nothing new is sent, in-flight calls finish, the rest is reported canceled', async () => {
  const t = await table();
  stack.proxy.setConfig({ latencyMs: 15, unprocessedFraction: 0.3 });
  const ctl = new AbortController();
  let written = 0;
  const report = await executeCommit(
    stack.client,
    puts(t, 3000),
    { [t]: schema },
    { signal: ctl.signal, backoff: fast, concurrency: 2 },
    {
      onOutcome: (_, o) => {
        if (o.status === 'written' && ++written === 300) ctl.abort();
      },
    },
  );
  const callsAtEnd = stack.proxy.counters.calls.BatchWriteItem;
  expect(report.failed).toEqual([]);
  expect(report.written.length).toBeGreaterThanOrEqual(300);
  expect(report.canceled.length).toBeGreaterThan(1000);
  expect(report.written.length + report.canceled.length).toBe(3000);
  const server = new Set((await scanAll(stack.direct, t)).map(idOf));
  expect(server.size).toBe(report.written.length);
  for (const id of report.canceled)
    expect(server.has(`item-${id.slice(4).padStart(6, '0')}`)).toBe(false);
  expect(stack.proxy.counters.calls.BatchWriteItem).toBe(callsAtEnd);
});

test('an already aborted signal sends nothing', async () => {
  const t = await table();
  const ctl = new AbortController();
  ctl.abort();
  const report = await executeCommit(
    stack.client,
    puts(t, 10),
    { [t]: schema },
    { signal: ctl.signal },
  );
  expect(report.canceled).toHaveLength(10);
  expect(stack.proxy.counters.calls.BatchWriteItem).toBeUndefined();
});
