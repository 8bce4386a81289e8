import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/dynamo/types';
import { idleMeasuringDone, measureWhenIdle } from './measureIdle';
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
});
