import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  itemsDoneEventSchema,
  itemsPageEventSchema,
  type ItemsEvent,
} from '../../shared/contract/items';
import type { Item } from '../../shared/dynamo/types';
import { startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import {
  createSupportTickets,
  testContext,
  TICKET_COUNT,
} from '../../test-support/fixtures/itemsFixtures';
import { itemsHandlers } from './handlers';
import { rawItemsOf, sseLine } from './itemsEvent';

let db: LocalDynamo;
let tickets: Item[];

beforeAll(async () => {
  db = await startDynalite();
  tickets = await createSupportTickets(testContext(db.endpoint).sdk);
});
afterAll(() => db.close());

const ids = (items: Item[]) => items.map((i) => ('S' in i.ticketId! ? i.ticketId.S : '')).sort();
const pageEvents = (events: ItemsEvent[]) =>
  events.filter((e): e is Extract<ItemsEvent, { type: 'items:page' }> => e.type === 'items:page');

describe('items:loadAll', () => {
  test('streams every page with running totals, then items:done with the summary', async () => {
    const ctx = testContext(db.endpoint);
    const summary = await itemsHandlers['items:loadAll'](
      { connectionId: 'sandbox', loadId: 'L1', model: { table: 'SupportTickets', pageSize: 25 } },
      ctx,
    );
    const pages = pageEvents(ctx.events);
    expect(pages.length).toBe(summary.pages);
    expect(pages.length).toBeGreaterThanOrEqual(TICKET_COUNT / 25);
    expect(ids(pages.flatMap((p) => p.items))).toEqual(ids(tickets));
    pages.forEach((p, i) => {
      expect(itemsPageEventSchema.parse(p)).toEqual(p);
      expect(p.pages).toBe(i + 1);
      expect(p.total).toBe(pages.slice(0, i + 1).reduce((sum, q) => sum + q.items.length, 0));
    });
    const done = ctx.events.at(-1);
    expect(itemsDoneEventSchema.parse(done)).toEqual({ type: 'items:done', ...summary });
    expect(summary).toMatchObject({
      loadId: 'L1',
      count: TICKET_COUNT,
      scannedCount: TICKET_COUNT,
      canceled: false,
    });
    expect(summary.consumedCapacity).toBe(pages.at(-1)?.consumedCapacity);
  });

  test('pages travel as the bytes DynamoDB sent: the web host line holds the items as read, unparsed by the backend', async () => {
    const ctx = { ...testContext(db.endpoint), splicesItems: true };
    await itemsHandlers['items:loadAll'](
      { connectionId: 'sandbox', loadId: 'Lraw', model: { table: 'SupportTickets', pageSize: 40 } },
      ctx,
    );
    const pages = pageEvents(ctx.events);
    expect(pages.length).toBeGreaterThan(1);
    const sent: Item[] = [];
    for (const p of pages) {
      expect(rawItemsOf(p)).toBeInstanceOf(Uint8Array);
      const line = sseLine(p).toString();
      const event = JSON.parse(line.slice('data: '.length)) as typeof p;
      expect(event).toEqual({ ...p, items: p.items });
      sent.push(...event.items);
    }
    expect(sent.sort((a, b) => ids([a])[0]!.localeCompare(ids([b])[0]!))).toEqual(
      [...tickets].sort((a, b) => ids([a])[0]!.localeCompare(ids([b])[0]!)),
    );
  });

  test('a host that does not splice the bytes (Electron, in-process) gets ordinary parsed pages', async () => {
    const ctx = testContext(db.endpoint);
    const summary = await itemsHandlers['items:loadAll'](
      {
        connectionId: 'sandbox',
        loadId: 'Lparsed',
        model: { table: 'SupportTickets', pageSize: 40 },
      },
      ctx,
    );
    const pages = pageEvents(ctx.events);
    expect(pages.length).toBe(summary.pages);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(rawItemsOf(p)).toBeUndefined();
      expect(Object.getOwnPropertyDescriptor(p, 'items')?.value).toBe(p.items);
      expect(sseLine(p)).toBe(`data: ${JSON.stringify(p)}\n\n`);
    }
    expect(ids(pages.flatMap((p) => p.items))).toEqual(ids(tickets));
    expect(summary.count).toBe(TICKET_COUNT);
  });

  test('consumed capacity is the sum over every page, as a raw SDK scan reports it', async () => {
    const ctx = testContext(db.endpoint);
    const summary = await itemsHandlers['items:loadAll'](
      { connectionId: 'sandbox', loadId: 'L2', model: { table: 'SupportTickets', pageSize: 30 } },
      ctx,
    );
    let raw = 0;
    let start: Record<string, never> | undefined;
    do {
      const out = await ctx.sdk.send(
        new ScanCommand({
          TableName: 'SupportTickets',
          Limit: 30,
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      raw += out.ConsumedCapacity?.CapacityUnits ?? 0;
      start = out.LastEvaluatedKey as typeof start;
    } while (start);
    expect(raw).toBeGreaterThan(0);
    expect(summary.consumedCapacity).toBe(raw);
  });

  test('a Query loads every page too', async () => {
    const ctx = testContext(db.endpoint);
    const summary = await itemsHandlers['items:loadAll'](
      {
        connectionId: 'sandbox',
        loadId: 'L3',
        model: {
          table: 'SupportTickets',
          index: 'byStatus',
          partitionValue: { S: 'closed' },
          pageSize: 10,
        },
      },
      ctx,
    );
    const expected = tickets.filter((t) => 'S' in t.status! && t.status.S === 'closed');
    expect(ids(pageEvents(ctx.events).flatMap((p) => p.items))).toEqual(ids(expected));
    expect(summary.count).toBe(expected.length);
  });

  test('parallel scan segments read every item exactly once', async () => {
    const ctx = testContext(db.endpoint);
    const summary = await itemsHandlers['items:loadAll'](
      {
        connectionId: 'sandbox',
        loadId: 'L4',
        model: { table: 'SupportTickets', pageSize: 20 },
        segments: 4,
      },
      ctx,
    );
    const pages = pageEvents(ctx.events);
    expect(new Set(pages.map((p) => p.segment))).toEqual(new Set([0, 1, 2, 3]));
    expect(ids(pages.flatMap((p) => p.items))).toEqual(ids(tickets));
    expect(summary).toMatchObject({ count: TICKET_COUNT, pages: pages.length, canceled: false });
  });

  test('cancel by loadId stops after the current page; a second load with that id is refused', async () => {
    let second: Promise<unknown> | undefined;
    let cancel: Promise<{ canceled: boolean }> | undefined;
    const ctx = testContext(db.endpoint, (e) => {
      if (e.type === 'items:page' && e.pages === 2) {
        second = itemsHandlers['items:loadAll'](
          { connectionId: 'sandbox', loadId: 'L5', model: { table: 'SupportTickets' } },
          ctx,
        );
        cancel = itemsHandlers['items:cancel']({ connectionId: 'sandbox', loadId: 'L5' }, ctx);
      }
    });
    const summary = await itemsHandlers['items:loadAll'](
      { connectionId: 'sandbox', loadId: 'L5', model: { table: 'SupportTickets', pageSize: 5 } },
      ctx,
    );
    expect(await cancel).toEqual({ canceled: true });
    await expect(second).rejects.toMatchObject({ name: 'BadInput' });
    expect(summary).toMatchObject({ loadId: 'L5', canceled: true, pages: 2, count: 10 });
    expect(ctx.events.at(-1)).toEqual({ type: 'items:done', ...summary });
    expect(
      await itemsHandlers['items:cancel']({ connectionId: 'sandbox', loadId: 'L5' }, ctx),
    ).toEqual({ canceled: false });
  });

  test('cancel stops every segment of a parallel scan', async () => {
    const ctx = testContext(db.endpoint, (e) => {
      if (e.type === 'items:page' && e.pages === 1) {
        void itemsHandlers['items:cancel']({ connectionId: 'sandbox', loadId: 'L6' }, ctx);
      }
    });
    const summary = await itemsHandlers['items:loadAll'](
      {
        connectionId: 'sandbox',
        loadId: 'L6',
        model: { table: 'SupportTickets', pageSize: 2, segments: 3 },
      },
      ctx,
    );
    expect(summary.canceled).toBe(true);
    expect(summary.count).toBeLessThan(TICKET_COUNT);
  });

  test('a failed load rejects with the service error and still sends items:done', async () => {
    const ctx = testContext(db.endpoint);
    await expect(
      itemsHandlers['items:loadAll'](
        { connectionId: 'sandbox', loadId: 'L7', model: { table: 'Missing' } },
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(ctx.events).toEqual([
      {
        type: 'items:done',
        loadId: 'L7',
        pages: 0,
        count: 0,
        scannedCount: 0,
        consumedCapacity: 0,
        canceled: false,
        error: {
          code: 'ResourceNotFoundException',
          message: 'Requested resource not found: Table: Missing not found',
        },
      },
    ]);
  });

  describe('paced (window, items:taken)', () => {
    const taken = (ctx: ReturnType<typeof testContext>, loadId: string, pages: number) =>
      itemsHandlers['items:taken']({ connectionId: 'sandbox', loadId, pages }, ctx);

    test('reads no further than `window` pages past what the renderer took, and reads every item as it takes them', async () => {
      const ctx = testContext(db.endpoint);
      const load = itemsHandlers['items:loadAll'](
        {
          connectionId: 'sandbox',
          loadId: 'P1',
          model: { table: 'SupportTickets', pageSize: 20 },
          window: 2,
        },
        ctx,
      );
      await vi.waitFor(() => expect(pageEvents(ctx.events)).toHaveLength(2));
      // Nothing is taken: the load holds at two pages (an unpaced one reads all ten meanwhile).
      await new Promise((r) => setTimeout(r, 300));
      expect(pageEvents(ctx.events)).toHaveLength(2);
      expect(await taken(ctx, 'P1', 1)).toEqual({ running: true });
      await vi.waitFor(() => expect(pageEvents(ctx.events)).toHaveLength(3));
      await new Promise((r) => setTimeout(r, 100));
      expect(pageEvents(ctx.events)).toHaveLength(3);
      // Then the renderer takes each page as it comes.
      for (;;) {
        const pages = pageEvents(ctx.events).length;
        if (ctx.events.at(-1)?.type === 'items:done') break;
        await taken(ctx, 'P1', pages);
        await vi.waitFor(() =>
          expect(
            pageEvents(ctx.events).length > pages || ctx.events.at(-1)?.type === 'items:done',
          ).toBe(true),
        );
      }
      const summary = await load;
      expect(summary).toMatchObject({ count: TICKET_COUNT, canceled: false });
      expect(ids(pageEvents(ctx.events).flatMap((p) => p.items))).toEqual(ids(tickets));
      expect(await taken(ctx, 'P1', summary.pages)).toEqual({ running: false });
    });

    test('a cancel ends a load that waits for the renderer', async () => {
      const ctx = testContext(db.endpoint);
      const load = itemsHandlers['items:loadAll'](
        {
          connectionId: 'sandbox',
          loadId: 'P2',
          model: { table: 'SupportTickets', pageSize: 20 },
          window: 1,
        },
        ctx,
      );
      await vi.waitFor(() => expect(pageEvents(ctx.events)).toHaveLength(1));
      expect(
        await itemsHandlers['items:cancel']({ connectionId: 'sandbox', loadId: 'P2' }, ctx),
      ).toEqual({
        canceled: true,
      });
      expect(await load).toMatchObject({ canceled: true, pages: 1, count: 20 });
      expect(ctx.events.at(-1)).toMatchObject({ type: 'items:done', canceled: true });
    });
  });
});
