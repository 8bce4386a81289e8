import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QueryModel } from '../../shared/contract/items';
import { compareNumbers } from '../../shared/dynamo/number';
import type { Item } from '../../shared/dynamo/types';
import { startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import {
  BIG_CREATED_AT,
  createOrgUsers,
  createSupportTickets,
  testContext,
  type TestContext,
} from '../../test-support/fixtures/itemsFixtures';
import { itemsHandlers } from './handlers';

let db: LocalDynamo;
let ctx: TestContext;
let tickets: Item[];

beforeAll(async () => {
  db = await startDynalite();
  ctx = testContext(db.endpoint);
  tickets = await createSupportTickets(ctx.sdk);
  await createOrgUsers(ctx.sdk);
});
afterAll(() => db.close());

const query = (model: QueryModel, cursor?: Item) =>
  itemsHandlers['items:query'](
    { connectionId: 'sandbox', model, ...(cursor ? { cursor } : {}) },
    ctx,
  );
const s = (v: Item[string] | undefined) => (v && 'S' in v ? v.S : undefined);
const n = (v: Item[string] | undefined) => (v && 'N' in v ? v.N : undefined);
const ids = (items: Item[]) => items.map((i) => s(i.ticketId)).sort();

describe('items:query', () => {
  test('Query by partition key returns the item as stored, binary as base64', async () => {
    const out = await query({ table: 'SupportTickets', partitionValue: { S: 'T-0007' } });
    expect(out.items).toEqual([tickets[7]]);
    expect(out.items[0]?.attachment).toEqual({ B: 'AAECAw==' });
    expect(out).toMatchObject({ count: 1, scannedCount: 1 });
    expect(out.cursor).toBeUndefined();
    expect(out.consumedCapacity).toBeGreaterThan(0);
  });

  test('Query on a GSI with BETWEEN on the sort key, descending', async () => {
    const out = await query({
      table: 'SupportTickets',
      index: 'byStatus',
      partitionValue: { S: 'open' },
      sortCondition: { op: 'between', values: [{ N: '1700000010' }, { N: '1700000030' }] },
      descending: true,
    });
    const expected = tickets
      .filter((t) => s(t.status) === 'open')
      .filter((t) => compareNumbers(n(t.createdAt) ?? '', '1700000010') >= 0)
      .filter((t) => compareNumbers(n(t.createdAt) ?? '', '1700000030') <= 0)
      .map((t) => n(t.createdAt))
      .reverse();
    expect(expected.length).toBe(7);
    expect(out.items.map((i) => n(i.createdAt))).toEqual(expected);
  });

  test('38-digit numbers survive as strings in key conditions and results', async () => {
    const out = await query({
      table: 'SupportTickets',
      index: 'byStatus',
      partitionValue: { S: 'pending' },
      sortCondition: { op: '>=', values: [{ N: BIG_CREATED_AT }] },
    });
    expect(out.items.map((i) => n(i.createdAt))).toEqual([BIG_CREATED_AT]);
  });

  test('Scan with an OR filter on reserved words (status, name)', async () => {
    const out = await query({
      table: 'SupportTickets',
      filters: {
        join: 'OR',
        conditions: [
          { path: 'status', op: '=', values: [{ S: 'closed' }] },
          { path: 'name', op: 'begins_with', values: [{ S: 'Ticket 1' }] },
        ],
      },
    });
    const expected = tickets.filter(
      (t) => s(t.status) === 'closed' || (s(t.name) ?? '').startsWith('Ticket 1'),
    );
    expect(ids(out.items)).toEqual(ids(expected));
    expect(out.scannedCount).toBe(tickets.length);
  });

  test('nested path filters: map in map, list index; projection of reserved words', async () => {
    const out = await query({
      table: 'SupportTickets',
      filters: {
        join: 'AND',
        conditions: [
          { path: 'data.assignee.name', op: '=', values: [{ S: 'Ana' }] },
          { path: 'data.tags[0]', op: '=', values: [{ S: 'vip' }] },
          { path: 'priority', op: 'between', values: [{ N: '0' }, { N: '2' }] },
        ],
      },
      projection: ['name', 'data.tags[0]', 'status'],
    });
    const expected = tickets.filter((t, i) => i % 4 === 0 && i % 10 === 0 && i % 5 <= 2);
    expect(ids(out.items)).toEqual(ids(expected));
    const first = out.items.find((i) => s(i.ticketId) === 'T-0000');
    expect(first).toEqual({
      ticketId: { S: 'T-0000' },
      name: { S: 'Ticket 0' },
      status: { S: 'open' },
      data: { M: { tags: { L: [{ S: 'vip' }] } } },
    });
  });

  test('attribute_exists, attribute_type and contains filters', async () => {
    const out = await query({
      table: 'SupportTickets',
      filters: {
        join: 'AND',
        conditions: [
          { path: 'attachment', op: 'attribute_type', values: [], type: 'B' },
          { path: 'data.tags', op: 'contains', values: [{ S: 'vip' }] },
        ],
      },
    });
    expect(ids(out.items)).toEqual(ids(tickets.filter((_, i) => i % 70 === 0)));
  });

  test('pages follow the cursor to the end, each item once', async () => {
    const seen: Item[] = [];
    let cursor: Item | undefined;
    let pages = 0;
    do {
      const out = await query({ table: 'SupportTickets', pageSize: 7 }, cursor);
      seen.push(...out.items);
      expect(out.items.length).toBeLessThanOrEqual(7);
      cursor = out.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(tickets.length / 7));
    expect(ids(seen)).toEqual(ids(tickets));
  });

  test('composite key table: begins_with on the sort key', async () => {
    const out = await query({
      table: 'OrgUsers',
      partitionValue: { S: 'org-2' },
      sortCondition: { op: 'begins_with', values: [{ S: 'user-01' }] },
    });
    expect(out.items.map((i) => s(i.userId))).toEqual(
      Array.from({ length: 10 }, (_, u) => `user-${String(10 + u).padStart(3, '0')}`),
    );
  });

  test('an invalid model is refused before any request, with field paths', async () => {
    await expect(
      query({
        table: 'SupportTickets',
        index: 'byStatus',
        consistentRead: true,
        sortCondition: { op: 'between', values: [{ N: '1' }] },
      }),
    ).rejects.toMatchObject({
      name: 'BadInput',
      message:
        'partitionValue: Enter a value for status: a sort key condition needs the partition key; ' +
        'sortCondition.values: BETWEEN takes two values, got 1; ' +
        'consistentRead: Consistent reads are not supported on global secondary indexes',
    });
    await expect(query({ table: 'SupportTickets', index: 'nope' })).rejects.toMatchObject({
      name: 'NotFound',
    });
  });

  test('service errors keep their name and message', async () => {
    await expect(query({ table: 'NoSuchTable' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: NoSuchTable not found',
    });
    await expect(query({ table: 'SupportTickets' }, { nope: { S: 'x' } })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });
});
