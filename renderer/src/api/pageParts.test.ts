import { describe, expect, it } from 'vitest';
import { pageJoiner, pageMessages, type PagePart } from './pageParts';
import type { Item } from '../../../shared/dynamo/types';

const items = (n: number): Item[] =>
  Array.from({ length: n }, (_, i) => ({
    id: { S: `id-${i}` },
    status: { S: i % 3 ? 'open' : 'shut' },
  }));

interface PageEvent {
  type: string;
  loadId: string;
  total: number;
  items: Item[];
}

const page = (n: number): PageEvent => ({
  type: 'items:page',
  loadId: 'L1',
  total: n,
  items: items(n),
});

/** As the worker posts and the page receives: every message through a structured clone. */
function roundTrip(events: PageEvent[], size: number): PageEvent[] {
  const join = pageJoiner<PageEvent>();
  const out: PageEvent[] = [];
  for (const e of events) {
    for (const m of pageMessages(e, size)) {
      const got = join(structuredClone(m) as PageEvent | PagePart);
      if (got) out.push(got);
    }
  }
  return out;
}

describe('pageMessages / pageJoiner', () => {
  it('posts a large page in parts and delivers it whole, in order, with its fields', () => {
    const e = page(2_350);
    const expected = structuredClone(e);
    const messages = pageMessages(e, 1_000);
    expect(messages.map((m) => [m.type, m.items?.length])).toEqual([
      ['items:part', 1_000],
      ['items:part', 1_000],
      ['items:page', 350],
    ]);
    const [whole] = roundTrip([page(2_350)], 1_000);
    expect(whole).toEqual(expected);
  });

  it('posts a page of at most one part, and any other event, as it is', () => {
    const small = page(1_000);
    expect(pageMessages(small, 1_000)).toEqual([small]);
    const done = { type: 'items:done', loadId: 'L1', count: 3 };
    expect(pageMessages(done, 1_000)).toEqual([done]);
    const join = pageJoiner<typeof done>();
    expect(join(done)).toBe(done);
  });

  it('keeps pages apart: the parts of one never join the next', () => {
    const out = roundTrip([page(2_500), page(30), page(1_001)], 1_000);
    expect(out.map((e) => e.items.length)).toEqual([2_500, 30, 1_001]);
    expect(out[2]!.items[1_000]).toEqual({ id: { S: 'id-1000' }, status: { S: 'open' } });
  });

  it('arrives with one object per repeated value in each part', () => {
    const [whole] = roundTrip([page(2_000)], 1_000);
    const statuses = new Set(whole!.items.map((it) => it.status));
    // Two values, shared within each of the two parts (a clone shares objects per message only).
    expect(statuses.size).toBe(4);
  });
});
