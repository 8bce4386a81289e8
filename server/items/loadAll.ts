import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';
import type { itemsChannels } from '../../shared/contract/items';
import type { BuiltRequest } from '../../shared/query/build';
import type { BackendContext } from '../context';
import { emitItems } from './emit';
import { startLoad, type LoadHandle } from './loads';
import type { Item } from '../../shared/dynamo/types';
import { prepareRequest } from './read';
import { readRawPage, type RawPage } from './rawPage';
import { rawItemsEvent } from './itemsEvent';

type Channel = (typeof itemsChannels)['items:loadAll'];
type Input = z.output<Channel['input']>;
type Summary = z.output<Channel['output']>;

interface Totals {
  pages: number;
  count: number;
  scannedCount: number;
  consumedCapacity: number;
}

async function readSegment(
  client: DynamoDBClient,
  built: BuiltRequest,
  segment: { index: number; total: number } | undefined,
  load: LoadHandle,
  keepBytes: boolean,
  onPage: (page: RawPage) => void,
  room: () => Promise<void>,
): Promise<void> {
  let startKey: Item | undefined;
  do {
    if (load.signal.aborted) return;
    let page;
    try {
      page = await readRawPage(client, built, {
        ...(startKey ? { startKey } : {}),
        ...(segment ? { segment } : {}),
        signal: load.signal,
        keepBytes,
      });
    } catch (err) {
      if (load.signal.aborted) return;
      throw err;
    }
    onPage(page);
    startKey = page.lastKey;
    // A paced load waits here while the renderer is `window` pages behind (loads.ts).
    if (startKey) await room();
  } while (startKey);
}

/**
 * Reads every page of the model's Query or Scan (Scan segments in parallel when asked), emitting
 * an items:page event per page and items:done at the end, also after a cancel or a failure. The
 * next page is asked for as soon as one arrives, unless the load is paced (`window`): then it waits
 * while the renderer has not taken in (items:taken) all but `window - 1` of the pages emitted.
 */
export async function loadAll(input: Input, ctx: BackendContext): Promise<Summary> {
  const { connectionId, loadId } = input;
  const load = startLoad(connectionId, loadId, input.window ? { window: input.window } : {});
  const totals: Totals = { pages: 0, count: 0, scannedCount: 0, consumedCapacity: 0 };
  const summary = (): Summary => ({ loadId, ...totals, canceled: load.canceled });
  try {
    const client = await ctx.client(connectionId);
    const built = await prepareRequest(client, input.model);
    const segments = built.kind === 'Scan' ? (input.segments ?? input.model.segments ?? 1) : 1;
    const onPage = (segment: number | undefined) => (page: RawPage) => {
      totals.pages++;
      totals.count += page.count;
      totals.scannedCount += page.scannedCount;
      totals.consumedCapacity += page.consumedCapacity;
      // A page the host splices is kept, so that a save can name its rows (servedPages.ts).
      const servedPage =
        page.itemsJson && page.itemSpans && ctx.splicesItems === true
          ? ctx.servedPages?.add(
              connectionId,
              built.params.TableName,
              page.itemsJson,
              page.itemSpans,
            )
          : undefined;
      const fields = {
        type: 'items:page' as const,
        loadId,
        pages: totals.pages,
        total: totals.count,
        scannedCount: totals.scannedCount,
        consumedCapacity: totals.consumedCapacity,
        ...(segment !== undefined ? { segment } : {}),
        ...(servedPage !== undefined ? { servedPage } : {}),
      };
      // For a host that splices them, the items as DynamoDB sent them: parsed once, by whoever
      // reads them (itemsEvent.ts). Otherwise the items parsed with their page.
      emitItems(
        ctx,
        page.itemsJson
          ? rawItemsEvent(fields, page.itemsJson)
          : { ...fields, items: page.items ?? [] },
      );
    };
    const runs = Array.from({ length: segments }, (_, index) => {
      const segment = segments > 1 ? { index, total: segments } : undefined;
      const keepBytes = ctx.splicesItems === true;
      const room = () => load.room(totals.pages);
      return readSegment(
        client,
        built,
        segment,
        load,
        keepBytes,
        onPage(segment?.index),
        room,
      ).catch((err) => {
        load.fail(err); // stop the other segments
        throw err;
      });
    });
    const results = await Promise.allSettled(runs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const done = summary();
    emitItems(ctx, { type: 'items:done', ...done });
    return done;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    emitItems(ctx, {
      type: 'items:done',
      ...summary(),
      error: { code: e?.name ?? 'Error', message: e?.message ?? String(err) },
    });
    throw err;
  } finally {
    load.release();
  }
}
