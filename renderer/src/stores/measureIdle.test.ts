import { describe, expect, it } from 'vitest';
import { measureItemUncached, type ItemMeasure } from '../../../shared/dynamo/measure';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { useItemsStore } from './itemsStore';
import { idleMeasuringDone } from './measureIdle';
import { plannerSession } from './plannerSession';

const figures = (m: ItemMeasure | null) => m && { size: m.size, jsonBytes: m.jsonBytes };
const schema: KeySchema = { partitionKey: { name: 'pk', type: 'S' } };
const isMeasured = (item: Item) => plannerSession.measurer.isMeasured(item);

describe('loaded rows measured when idle', () => {
  it('measures the rows of a Load all once it ends and the app is idle, where the planner finds them', async () => {
    const ref = { connectionId: 'c1', table: 'idle' };
    const { begin, append, finish } = useItemsStore.getState();
    begin(ref, { keySchema: schema, kind: 'Scan', status: 'streaming', loadId: 'L' });
    const pages: Item[][] = [0, 1, 2].map((p) =>
      Array.from({ length: 450 }, (_, i) => ({ pk: { S: `p${p}-${i}` }, n: { N: String(i) } })),
    );
    for (const page of pages) append(ref, 'L', page);
    // Nothing is measured while the stream runs, idle or not (the GC's markers get that CPU).
    await new Promise((r) => setTimeout(r, 50));
    expect(idleMeasuringDone()).toBe(true);
    expect(isMeasured(pages[0]![0]!)).toBe(false);
    finish(ref, 'L', { status: 'done' });
    expect(idleMeasuringDone()).toBe(false);
    expect(isMeasured(pages[0]![0]!)).toBe(false);
    while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
    const all = pages.flat();
    expect(all.every(isMeasured)).toBe(true);
    const last = all[all.length - 1]!;
    expect(figures(plannerSession.measurer.measureItem(last))).toEqual(measureItemUncached(last));
  });

  it('measures the rows of a single page (Run, Load more) as they come', async () => {
    const ref = { connectionId: 'c1', table: 'idleRun' };
    const { begin, append } = useItemsStore.getState();
    begin(ref, { keySchema: schema, kind: 'Scan', status: 'loading', loadId: 'R' });
    const page = Array.from({ length: 300 }, (_, i) => ({ pk: { S: `r-${i}` } }));
    append(ref, 'R', page);
    expect(idleMeasuringDone()).toBe(false);
    while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
    expect(page.every(isMeasured)).toBe(true);
  });
});
