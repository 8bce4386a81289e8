import { expect, test } from 'vitest';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { useItemsStore } from './itemsStore';
import { idleMeasuringDone } from './measureIdle';
import { plannerSession } from './plannerSession';

const isMeasured = (item: Item) => plannerSession.measurer.isMeasured(item);
const schema: KeySchema = { partitionKey: { name: 'pk', type: 'S' } } as KeySchema;
const ref = { connectionId: 'c', table: 't' };
const page = (p: number): Item[] =>
  Array.from({ length: 300 }, (_, i) => ({ pk: { S: `p${p}-${i}` }, n: { N: String(i) } }));
const settle = async () => {
  while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
};

test('items streamed by a Load all are measured for the review once the load ends, not while it runs', async () => {
  const store = useItemsStore.getState();
  store.begin(ref, { keySchema: schema, kind: 'Scan', status: 'streaming', loadId: 'L1' });
  const pages = [page(0), page(1)];
  for (const p of pages) store.append(ref, 'L1', p);
  await new Promise((r) => setTimeout(r, 50));
  await settle();
  expect(pages.flat().some(isMeasured)).toBe(false);
  store.finish(ref, 'L1', { status: 'done' });
  await settle();
  expect(pages.flat().every(isMeasured)).toBe(true);
});

test('a page read by Run or Load more is measured when idle, as before', async () => {
  const store = useItemsStore.getState();
  store.begin(ref, { keySchema: schema, kind: 'Scan', status: 'loading', loadId: 'L2' });
  const items = page(2);
  store.append(ref, 'L2', items);
  await settle();
  expect(items.every(isMeasured)).toBe(true);
});

test('a Load all that fails or is replaced by another load still has its rows measured, once', async () => {
  const store = useItemsStore.getState();
  store.begin(ref, { keySchema: schema, kind: 'Scan', status: 'streaming', loadId: 'L3' });
  const items = page(3);
  store.append(ref, 'L3', items);
  store.fail(ref, 'L3', { code: 'X', message: 'x' });
  await settle();
  expect(items.every(isMeasured)).toBe(true);
});
