import { describe, expect, it } from 'vitest';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { useItemsStore } from './itemsStore';
import { idleMeasuringDone } from './measureIdle';
import { plannerSession } from './plannerSession';

const isMeasured = (item: Item) => plannerSession.measurer.isMeasured(item);
const keySchema: KeySchema = { partitionKey: { name: 'pk', type: 'S' } } as KeySchema;
const page = (tag: string): Item[] =>
  Array.from({ length: 200 }, (_, i) => ({ pk: { S: `${tag}-${i}` }, n: { N: String(i) } }));
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('items store: measuring loaded items', () => {
  it('waits while a Load all streams and measures its rows once it is over (done, canceled or failed)', async () => {
    const store = useItemsStore.getState();
    for (const end of ['done', 'canceled', 'error'] as const) {
      const ref = { connectionId: 'c', table: `T-${end}` };
      store.begin(ref, { keySchema, kind: 'Scan', status: 'streaming', loadId: `L-${end}` });
      const items = page(end);
      store.append(ref, `L-${end}`, items, { items: items.length });
      await settle();
      expect(items.some(isMeasured)).toBe(false);
      if (end === 'error') store.fail(ref, `L-${end}`, { code: 'X', message: 'x' });
      else store.finish(ref, `L-${end}`, { status: end });
      while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
      expect(items.every(isMeasured)).toBe(true);
    }
  });

  it('a Load all replaced by another load of the same table no longer holds measuring', async () => {
    const store = useItemsStore.getState();
    const ref = { connectionId: 'c', table: 'Replaced' };
    store.begin(ref, { keySchema, kind: 'Scan', status: 'streaming', loadId: 'A' });
    const items = page('replaced');
    store.append(ref, 'A', items);
    store.begin(ref, { keySchema, kind: 'Scan', status: 'loading', loadId: 'B' });
    while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
    expect(items.every(isMeasured)).toBe(true);
  });

  it('rows of a single page (not streaming) are measured when idle', async () => {
    const store = useItemsStore.getState();
    const ref = { connectionId: 'c', table: 'Page' };
    store.begin(ref, { keySchema, kind: 'Scan', status: 'loading', loadId: 'P' });
    const items = page('page');
    store.append(ref, 'P', items);
    while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
    expect(items.every(isMeasured)).toBe(true);
  });
});
