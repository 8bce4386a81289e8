import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/dynamo/types';
import { holdMeasuring, idleMeasuringDone, measureWhenIdle } from './measureIdle';
import { plannerSession } from './plannerSession';

const isMeasured = (item: Item) => plannerSession.measurer.isMeasured(item);

describe('measureWhenIdle', () => {
  it('measures every queued item once the app is idle, not before', async () => {
    const pages: Item[][] = [0, 1, 2].map((p) =>
      Array.from({ length: 450 }, (_, i) => ({ pk: { S: `p${p}-${i}` }, n: { N: String(i) } })),
    );
    for (const page of pages) measureWhenIdle(page);
    expect(isMeasured(pages[0]![0]!)).toBe(false);
    while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
    expect(pages.flat().every(isMeasured)).toBe(true);
  });

  it('waits while a load streams (the load gets the CPU), then measures what was queued', async () => {
    const page: Item[] = Array.from({ length: 300 }, (_, i) => ({ pk: { S: `held-${i}` } }));
    const release = holdMeasuring();
    const second = holdMeasuring();
    measureWhenIdle(page);
    await new Promise((r) => setTimeout(r, 50));
    expect(page.some(isMeasured)).toBe(false);
    release();
    release(); // twice: no effect
    await new Promise((r) => setTimeout(r, 50));
    expect(page.some(isMeasured)).toBe(false); // the other load still streams
    second();
    while (!idleMeasuringDone()) await new Promise((r) => setTimeout(r, 5));
    expect(page.every(isMeasured)).toBe(true);
  });
});
