/**
 * Reading items into the items store: one page (Run, Load more), every page as a stream of
 * items:page events (Load all), and Cancel. Pages of a stream are gathered and handed to the
 * store a few times a second (less often past 150,000 rows, flushPace.ts), so 100,000 items do
 * not rebuild the grid a thousand times. A Load all is paced: the backend reads at most
 * LOAD_WINDOW pages ahead of what this page has taken in on frames painted on time (pageAcks.ts).
 */
import type { QueryModel } from '../../../../../shared/contract/items';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { isQuery, loadAllModel } from '../../../../../shared/query';
import { ApiCallError, call, onEvent } from '../../../api/client';
import {
  enterIdsAhead,
  rowIdOf,
  slotKey,
  useItemsStore,
  type LoadProgress,
  type SlotRef,
} from '../../../stores/itemsStore';
import { deliverItems } from './deliver';
import { flushDelay } from './flushPace';
import { takeEarlyPage, type QueryPage } from './earlyPage';
import { LOAD_WINDOW, pageAcks, type PageAcks } from './pageAcks';

/** How long to wait for items:done after items:loadAll answered (events travel separately). */
const DONE_GRACE_MS = 3000;

let sequence = 0;
const newLoadId = () => `load-${Date.now().toString(36)}-${++sequence}`;

export function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof ApiCallError) return { code: err.code, message: err.message };
  return { code: 'Error', message: err instanceof Error ? err.message : String(err) };
}

const store = () => useItemsStore.getState();
const slotOf = (ref: SlotRef) => store().slots[slotKey(ref)];

async function readPage(
  ref: SlotRef,
  loadId: string,
  model: QueryModel,
  cursor?: Item,
  early?: Promise<QueryPage>,
) {
  try {
    const page = await (early ??
      call('items:query', {
        connectionId: ref.connectionId,
        model,
        ...(cursor ? { cursor } : {}),
      }));
    store().append(ref, loadId, page.items);
    const prev = slotOf(ref)?.progress;
    store().finish(ref, loadId, {
      status: 'done',
      cursor: page.cursor,
      progress: {
        items: slotOf(ref)?.items.length ?? page.items.length,
        pages: (prev?.pages ?? 0) + 1,
        scannedCount: (prev?.scannedCount ?? 0) + page.scannedCount,
        consumedCapacity: (prev?.consumedCapacity ?? 0) + page.consumedCapacity,
      },
    });
  } catch (err) {
    store().fail(ref, loadId, errorOf(err));
  }
}

/** Run: replaces the table's rows with the first page of the model's Query or Scan. */
export async function runQuery(
  ref: SlotRef,
  keySchema: KeySchema,
  model: QueryModel,
): Promise<void> {
  const loadId = newLoadId();
  const kind = isQuery(model) ? 'Query' : 'Scan';
  store().begin(ref, { keySchema, kind, status: 'loading', loadId, model });
  await readPage(ref, loadId, model, undefined, takeEarlyPage(ref, model));
}

/** Load more: appends the next page of the query the rows came from. */
export async function loadMore(ref: SlotRef): Promise<void> {
  const slot = slotOf(ref);
  if (!slot?.cursor || !slot.model || !slot.kind) return;
  const loadId = newLoadId();
  store().begin(ref, {
    keySchema: slot.keySchema,
    kind: slot.kind,
    status: 'loading',
    loadId,
    keep: true,
  });
  await readPage(ref, loadId, slot.model, slot.cursor);
}

interface Stream {
  ref: SlotRef;
  keySchema: KeySchema;
  buffer: Item[];
  /** The buffered items' row ids, made as each page arrives (not all at once when handed over). */
  ids: string[];
  progress: LoadProgress;
  timer: ReturnType<typeof setTimeout> | null;
  /** Tells the backend which pages are in, on frames painted on time (pageAcks.ts). */
  acks: PageAcks;
}

const streams = new Map<string, Stream>();
let listening = false;

/** Ends a stream's life: no more pages are taken or acknowledged; false when it had ended. */
function endStream(loadId: string): boolean {
  const s = streams.get(loadId);
  if (!s) return false;
  s.acks.stop();
  return streams.delete(loadId);
}

/** Hands the buffered pages to the store; resolves once they are all in. */
function flush(loadId: string, s: Stream): Promise<void> {
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  const items = s.buffer;
  const ids = s.ids;
  s.buffer = [];
  s.ids = [];
  return deliverItems(s.ref, loadId, items, s.progress, ids);
}

function listen(): void {
  if (listening) return;
  listening = true;
  onEvent('items:page', (e) => {
    const s = streams.get(e.loadId);
    if (!s) return;
    const ids = e.items.map((item) => rowIdOf(item, s.keySchema));
    for (let k = 0; k < ids.length; k++) {
      s.buffer.push(e.items[k] as Item);
      s.ids.push(ids[k] as string);
    }
    // Indexed now, a page at a time, not when a second's worth is handed over.
    enterIdsAhead(s.ref, e.loadId, ids);
    s.progress = {
      items: e.total,
      pages: e.pages,
      scannedCount: e.scannedCount,
      consumedCapacity: e.consumedCapacity,
    };
    s.timer ??= setTimeout(() => void flush(e.loadId, s), flushDelay(e.total));
    s.acks.received(e.pages);
  });
  onEvent('items:done', (e) => {
    const s = streams.get(e.loadId);
    if (!s) return;
    endStream(e.loadId);
    const flushed = flush(e.loadId, s);
    const progress = {
      items: e.count,
      pages: e.pages,
      scannedCount: e.scannedCount,
      consumedCapacity: e.consumedCapacity,
    };
    void flushed.then(() => {
      if (e.error) {
        store().append(s.ref, e.loadId, [], progress);
        store().fail(s.ref, e.loadId, e.error);
      } else
        store().finish(s.ref, e.loadId, { status: e.canceled ? 'canceled' : 'done', progress });
    });
  });
}

/** Load all: replaces the rows with every page, streamed; parallel segments for a Scan. */
export async function loadAll(
  ref: SlotRef,
  keySchema: KeySchema,
  model: QueryModel,
): Promise<void> {
  listen();
  const loadId = newLoadId();
  const kind = isQuery(model) ? 'Query' : 'Scan';
  store().begin(ref, { keySchema, kind, status: 'streaming', loadId, model });
  const stream: Stream = {
    ref,
    keySchema,
    buffer: [],
    ids: [],
    progress: { items: 0, pages: 0, scannedCount: 0, consumedCapacity: 0 },
    timer: null,
    acks: pageAcks((pages) => {
      call('items:taken', { connectionId: ref.connectionId, loadId, pages }).catch(() => undefined);
    }),
  };
  streams.set(loadId, stream);
  try {
    // Every page at DynamoDB's own size: the page size is Run's and Load more's (loadAll.ts).
    // Paced: the backend reads ahead of this page's frames by LOAD_WINDOW pages at most.
    const summary = await call('items:loadAll', {
      connectionId: ref.connectionId,
      model: loadAllModel(model),
      loadId,
      window: LOAD_WINDOW,
    });
    // items:done normally arrives first; if the event stream lost it, end with the summary.
    setTimeout(() => {
      if (!endStream(loadId)) return;
      void flush(loadId, stream).then(() =>
        store().finish(ref, loadId, {
          status: summary.canceled ? 'canceled' : 'done',
          progress: {
            ...stream.progress,
            pages: summary.pages,
            consumedCapacity: summary.consumedCapacity,
          },
        }),
      );
    }, DONE_GRACE_MS);
  } catch (err) {
    if (endStream(loadId)) {
      await flush(loadId, stream);
      store().fail(ref, loadId, errorOf(err));
    }
  }
}

/** Cancel: stops the running Load all of a table; the rows read so far stay. */
export async function cancelLoad(ref: SlotRef): Promise<void> {
  const loadId = slotOf(ref)?.loadId;
  if (!loadId || !streams.has(loadId)) return;
  try {
    const { canceled } = await call('items:cancel', { connectionId: ref.connectionId, loadId });
    if (canceled) return; // items:done (canceled) follows
  } catch {
    // The backend no longer knows the load: end it here.
  }
  const s = streams.get(loadId);
  if (!s) return;
  endStream(loadId);
  await flush(loadId, s);
  store().finish(ref, loadId, { status: 'canceled' });
}
