import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import type { Item } from '../../shared/dynamo/types';
import { toSdkItem } from '../sdk/convert';
import { startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { batchGet } from './batchGet';
import { createOrgUsers, createSupportTickets, testContext } from '../../test-support/fixtures/itemsFixtures';
import { itemsHandlers } from './handlers';

let db: LocalDynamo;
let proxy: FaultProxy;
let tickets: Item[];
let users: Item[];

beforeAll(async () => {
  db = await startDynalite();
  const setup = testContext(db.endpoint);
  tickets = await createSupportTickets(setup.sdk);
  users = await createOrgUsers(setup.sdk);
  proxy = await startFaultProxy(db.endpoint, {}, 7);
});
afterAll(async () => {
  await proxy.close();
  await db.close();
});

/** A context whose connection goes through the fault proxy, reset to clean. */
function viaProxy(patch: Partial<typeof CLEAN> = {}) {
  proxy.setConfig({ ...CLEAN, ...patch });
  proxy.resetCounters();
  return testContext(proxy.endpoint);
}

/**
 * A proxy of its own with a fixed seed; with one call in flight (and no SDK retries) the faults
 * fall the same way on every run.
 */
async function withOwnProxy(
  config: Partial<typeof CLEAN>,
  fn: (own: FaultProxy, ctx: ReturnType<typeof testContext>) => Promise<void>,
): Promise<void> {
  const own = await startFaultProxy(db.endpoint, config, 11);
  try {
    await fn(own, testContext(own.endpoint, undefined, 1));
  } finally {
    await own.close();
  }
}

const ticketKey = (id: string): Item => ({ ticketId: { S: id } });
const idOf = (i: Item) => (i.ticketId && 'S' in i.ticketId ? i.ticketId.S : '');
const fast = { backoff: { baseMs: 2, capMs: 20 } };

describe('items:batchGet', () => {
  test('100 unique keys per call; duplicates fetched once; missing keys listed; request order kept', async () => {
    const ctx = viaProxy();
    const existing = [...tickets].reverse().map((t) => ticketKey(idOf(t)));
    const absent = Array.from({ length: 30 }, (_, i) => ticketKey(`X-${i}`));
    const dupes = existing.slice(0, 20).map((k) => ({ ...k }));
    const keys = [...existing.slice(0, 100), ...dupes, ...absent, ...existing.slice(100)];
    const out = await itemsHandlers['items:batchGet'](
      { requests: [{ connectionId: 'sandbox', table: 'SupportTickets', keys }] },
      ctx,
    );
    const [r] = out.results;
    expect(r?.items).toEqual([...tickets].reverse());
    expect(r?.missing).toEqual(absent);
    expect(r?.duplicates).toBe(20);
    expect(r?.unprocessed).toEqual([]);
    expect(proxy.counters.calls.BatchGetItem).toBe(3); // 230 unique keys: 100 + 100 + 30
    expect(proxy.counters.keysRequested).toBe(230);
  });

  test('several tables (composite keys too); capacity summed per table and in total', async () => {
    const ctx = viaProxy();
    const out = await itemsHandlers['items:batchGet'](
      {
        requests: [
          {
            connectionId: 'sandbox',
            table: 'OrgUsers',
            keys: [
              { orgId: { S: 'org-1' }, userId: { S: 'user-003' } },
              { orgId: { S: 'org-9' }, userId: { S: 'user-003' } },
              { userId: { S: 'user-003' }, orgId: { S: 'org-1' } },
            ],
            consistentRead: true,
          },
          { connectionId: 'sandbox', table: 'SupportTickets', keys: [ticketKey('T-0001')] },
        ],
      },
      ctx,
    );
    expect(
      out.results.map((r) => [r.table, r.items.length, r.missing.length, r.duplicates]),
    ).toEqual([
      ['OrgUsers', 1, 1, 1],
      ['SupportTickets', 1, 0, 0],
    ]);
    expect(out.results[0]?.items).toEqual([users[3]]);
    expect(out.results[1]?.items).toEqual([tickets[1]]);
    const [a, b] = out.results.map((r) => r.consumedCapacity);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(out.consumedCapacity).toBe((a ?? 0) + (b ?? 0));
  });

  test('UnprocessedKeys (fault proxy) are retried until every key is read', async () => {
    await withOwnProxy({ unprocessedKeysFraction: 0.3 }, async (own, ctx) => {
      const keys = tickets.map((t) => ticketKey(idOf(t)));
      const out = await batchGet(
        { requests: [{ connectionId: 'sandbox', table: 'SupportTickets', keys }] },
        ctx,
        { ...fast, concurrency: 1 },
      );
      expect(own.counters.keysWithheld).toBeGreaterThan(0);
      expect(own.counters.calls.BatchGetItem).toBeGreaterThan(2);
      // Every withheld key was asked for again, and nothing else was.
      expect(own.counters.keysRequested).toBe(200 + own.counters.keysWithheld);
      expect(out.results[0]?.items).toEqual(tickets);
      expect(out.results[0]).toMatchObject({ missing: [], unprocessed: [] });
    });
  });

  test('throttling errors that reach us requeue the whole call', async () => {
    // No SDK retries: every throttle reaches the backend.
    await withOwnProxy({ throttleFraction: 0.5 }, async (own, ctx) => {
      const keys = tickets.slice(0, 150).map((t) => ticketKey(idOf(t)));
      const out = await batchGet(
        { requests: [{ connectionId: 'sandbox', table: 'SupportTickets', keys }] },
        ctx,
        { ...fast, concurrency: 1 },
      );
      expect(own.counters.throttled).toBeGreaterThan(0);
      expect(own.counters.calls.BatchGetItem).toBe(2 + own.counters.throttled);
      expect(out.results[0]?.items).toEqual(tickets.slice(0, 150));
      expect(out.results[0]?.unprocessed).toEqual([]);
    });
  });

  test('once nothing is read for the no-progress budget, keys still unprocessed are reported as such, not as missing', async () => {
    const ctx = viaProxy({ unprocessedKeysFraction: 1 });
    const keys = [ticketKey('T-0001'), ticketKey('X-1')];
    const out = await batchGet(
      { requests: [{ connectionId: 'sandbox', table: 'SupportTickets', keys }] },
      ctx,
      { noProgressTimeoutMs: 300, backoff: { baseMs: 1, capMs: 2 } },
    );
    expect(proxy.counters.calls.BatchGetItem).toBeGreaterThan(11); // no fixed number of rounds
    expect(out.results[0]).toMatchObject({ items: [], missing: [], unprocessed: keys });
  });

  test('large items: dynalite itself returns UnprocessedKeys past ~1.4 MB, and they are retried', async () => {
    const ctx = viaProxy();
    const big = Array.from({ length: 24 }, (_, i) => ({
      ticketId: { S: `BIG-${i}` },
      body: { S: String(i).padEnd(100_000, 'x') },
    }));
    for (const item of big) {
      await ctx.sdk.send(
        new PutItemCommand({ TableName: 'SupportTickets', Item: toSdkItem(item) }),
      );
    }
    const keys = big.map((b) => ticketKey(idOf(b)));
    const out = await batchGet(
      { requests: [{ connectionId: 'sandbox', table: 'SupportTickets', keys }] },
      ctx,
      fast,
    );
    expect(proxy.counters.calls.BatchGetItem).toBeGreaterThan(1);
    expect(out.results[0]?.items).toEqual(big);
  });

  test('a key that does not fit the table is refused before any call; service errors keep names', async () => {
    const ctx = viaProxy();
    await expect(
      itemsHandlers['items:batchGet'](
        {
          requests: [
            {
              connectionId: 'sandbox',
              table: 'OrgUsers',
              keys: [{ orgId: { S: 'org-1' }, userId: { S: 'u' } }, { orgId: { S: 'org-1' } }],
            },
          ],
        },
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'BadInput', message: 'requests.0.keys.1: userId is missing' });
    expect(proxy.counters.calls.BatchGetItem).toBeUndefined();
    await expect(
      itemsHandlers['items:batchGet'](
        { requests: [{ connectionId: 'sandbox', table: 'Nowhere', keys: [ticketKey('a')] }] },
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
