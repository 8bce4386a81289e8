import { describe, expect, it, vi } from 'vitest';
import { changeId, tableRef } from '../../../shared/changes/identity';
import type { StagingEntry, StagingGroup } from '../../../shared/contract/staging';
import type { Item, KeySchema } from '../../../shared/dynamo/types';

vi.mock('../api/client', () => ({ call: vi.fn(), ApiCallError: class extends Error {} }));
const { encoderFor, MIN_GROUP, MIN_NAMED } = await import('./stagingSave');
const { CHUNK_BYTES, GROUPED_ENTRY_BYTES, takeBatch } =
  await import('../features/staging/persistQueue');
const { notePage } = await import('../api/servedPages');

const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'n', type: 'N' },
};
const schemas = { [tableRef('c', 'T')]: schema };
const row = (i: number): Item => ({
  pk: { S: `r${i}` },
  n: { N: String(i) },
  status: { S: 'open' },
});
// Two served pages of 100 rows each (as the web transport notes them).
const page0 = Array.from({ length: 100 }, (_, i) => row(i));
const page1 = Array.from({ length: 100 }, (_, i) => row(100 + i));
notePage('p.0', 'load-1', page0);
notePage('p.1', 'load-1', page1);

function update(
  original: Item,
  set: Item,
  id = changeId('c', 'T', original, schema),
): StagingEntry {
  const key = { pk: original.pk!, n: original.n! };
  return {
    id,
    connectionId: 'c',
    table: 'T',
    update: { connectionId: 'c', table: 'T', key, original, set, remove: [] },
  };
}

describe('the staging save encoder', () => {
  it('writes a bulk edit once, as a group of rows by page and index; the rest as entries', () => {
    const bulk = [...page0.slice(0, 80), ...page1.slice(0, 40)].map((o) =>
      update(o, { status: { S: 'done' } }),
    );
    // Too few of the same update to group: each names its original.
    const few = page1
      .slice(50, 50 + MIN_GROUP - 1)
      .map((o) => update(o, { status: { S: 'other' } }));
    // An id the host would not make from the served key (another table's schema): never grouped.
    const odd = update(page1[90]!, { status: { S: 'done' } }, 'c\u0000T\u0000["S:elsewhere"]');
    // An original nobody served: sent whole.
    const unserved = update(row(999), { status: { S: 'done' } });
    const entries = [...bulk, ...few, odd, unserved];
    const { batch, body } = takeBatch(entries, encoderFor(entries, schemas));
    expect(batch).toHaveLength(entries.length);
    const sent = JSON.parse(body) as { entries: StagingEntry[]; groups: StagingGroup[] };
    expect(sent.groups).toEqual([
      {
        connectionId: 'c',
        table: 'T',
        keySchema: schema,
        set: { status: { S: 'done' } },
        remove: [],
        rows: [
          { page: 'p.0', indexes: Array.from({ length: 80 }, (_, i) => i) },
          { page: 'p.1', indexes: Array.from({ length: 40 }, (_, i) => i) },
        ],
      },
    ]);
    expect(sent.entries.map((e) => e.id)).toEqual([...few, odd, unserved].map((e) => e.id));
    expect(sent.entries.slice(0, few.length).every((e) => e.updateRef && !e.update)).toBe(true);
    expect(sent.entries.at(-2)!.updateRef).toMatchObject({ page: 'p.1', index: 90 });
    expect(sent.entries.at(-1)!.update?.original).toEqual(row(999));
    // The body is much smaller than the entries written one by one.
    expect(body.length).toBeLessThan(JSON.stringify({ entries }).length / 5);
  });

  it('groups updates by what they write, whether or not they share value objects', () => {
    const done = { S: 'done' }; // one object, as a bulk edit stages it for every row
    const later = { S: 'later' };
    const entries = [
      ...page0.slice(0, 30).map((o) => update(o, { status: done })),
      ...page0.slice(30, 60).map((o) => update(o, { status: { S: 'done' } })), // equal, not shared
      ...page0.slice(60, 80).map((o) => update(o, { note: done })), // same object, another attribute
      ...page1.slice(0, 20).map((o) => update(o, { status: later })),
      ...page1
        .slice(20, 40)
        .map((o) => ({
          ...update(o, { status: done }),
          update: { ...update(o, { status: done }).update!, remove: ['n'] },
        })),
    ];
    const { body } = takeBatch(entries, encoderFor(entries, schemas));
    const sent = JSON.parse(body) as { entries: StagingEntry[]; groups: StagingGroup[] };
    const summary = sent.groups.map((g) => [
      JSON.stringify(g.set),
      g.remove,
      g.rows.map((r) => [r.page, r.indexes.length]),
    ]);
    expect(summary).toEqual([
      ['{"status":{"S":"done"}}', [], [['p.0', 60]]],
      ['{"note":{"S":"done"}}', [], [['p.0', 20]]],
      ['{"status":{"S":"later"}}', [], [['p.1', 20]]],
      ['{"status":{"S":"done"}}', ['n'], [['p.1', 20]]],
    ]);
    expect(sent.entries).toEqual([]);
  });

  it('groups nothing without the table’s key schema, nor below MIN_NAMED served images', () => {
    const bulk = page0.slice(0, 80).map((o) => update(o, { status: { S: 'done' } }));
    const noSchema = JSON.parse(takeBatch(bulk, encoderFor(bulk, {})).body) as {
      entries: StagingEntry[];
      groups?: unknown;
    };
    expect(noSchema.groups).toBeUndefined();
    expect(noSchema.entries.every((e) => e.updateRef)).toBe(true);
    const small = bulk.slice(0, MIN_NAMED - 1);
    const whole = JSON.parse(takeBatch(small, encoderFor(small, schemas)).body) as {
      entries: StagingEntry[];
      groups?: unknown;
    };
    expect(whole.groups).toBeUndefined();
    expect(whole.entries).toEqual(small);
  });

  it('a batch cut by its byte limit groups only the entries it takes', () => {
    const bulk = page0.map((o) => update(o, { status: { S: 'done' } }));
    // What the group's first row and each later one add to the write.
    const probeEncoder = encoderFor(bulk, schemas);
    const firstRow = probeEncoder(bulk[0]!) as number;
    expect(probeEncoder(bulk[1]!)).toBe(GROUPED_ENTRY_BYTES);
    expect(firstRow).toBeGreaterThan(GROUPED_ENTRY_BYTES);
    // A whole entry first, sized so that exactly 30 grouped entries fit after it.
    const big = (fill: string) => update(row(5000), { note: { S: fill } });
    const room = CHUNK_BYTES - firstRow - 29 * GROUPED_ENTRY_BYTES;
    const probe = JSON.stringify(big('')).length + 1;
    const first = big('x'.repeat(room - probe));
    expect(JSON.stringify(first).length + 1).toBe(room);
    const entries = [first, ...bulk];
    const { batch, body } = takeBatch(entries, encoderFor(entries, schemas));
    expect(batch).toHaveLength(31);
    const sent = JSON.parse(body) as { entries: StagingEntry[]; groups: StagingGroup[] };
    expect(sent.entries.map((e) => e.id)).toEqual([first.id]);
    expect(sent.groups[0]!.rows).toEqual([
      { page: 'p.0', indexes: Array.from({ length: 30 }, (_, i) => i) },
    ]);
    // The whole write stays within what was counted.
    expect(body.length).toBeLessThanOrEqual(CHUNK_BYTES + 64);
  });

  it('a group’s update counts once toward the write, however large, and what is counted covers what is written', () => {
    const value = 'v'.repeat(300_000);
    const bulk = page1.slice(0, 20).map((o) => update(o, { note: { S: value } }));
    const all = [...bulk, ...page0.slice(0, 60).map((o) => update(o, { s: { S: 'x' } }))];
    const encode = encoderFor(all, schemas);
    const sizes = all.map((e) => encode(e));
    expect(sizes[0]).toBeGreaterThan(300_000);
    expect(sizes.slice(1, 20)).toEqual(Array(19).fill(GROUPED_ENTRY_BYTES));
    const counted = sizes.reduce<number>(
      (n, x) => n + (typeof x === 'number' ? x : x.length + 1),
      0,
    );
    const { batch, body } = takeBatch(all, encoderFor(all, schemas));
    expect(batch).toHaveLength(80);
    expect(body.length).toBeLessThan(counted);
    expect(body.length).toBeLessThan(2 * value.length); // the value is written once
  });
});
