import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { channels } from '../../shared/contract';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item } from '../../shared/dynamo/types';
import { tableFile } from './files';
import { StagingStore } from './store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dynostage-raw-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const T = 'Tickets';
const file = (table = T) => tableFile(root, 'sandbox', table);

function update(n: number, table = T): StagingEntry {
  const original: Item = JSON.parse(
    `{"id":{"S":"U-${n}"},"__proto__":{"N":"1"},"big":{"N":"12345678901234567890.000001"},"tags":{"SS":["a","b"]},"bin":{"B":"AAEC"},"m":{"M":{"__proto__":{"L":[{"NULL":true}]}}}}`,
  );
  return {
    id: `sandbox/${table}/U-${n}`,
    connectionId: 'sandbox',
    table,
    update: { connectionId: 'sandbox', table, key: { id: { S: `U-${n}` } }, original, set: { status: { S: 'done' } }, remove: ['tags'] },
  };
}

/** What the web host does: the body's text, parsed, checked by the channel's schema. */
function request(entries: unknown[], text = JSON.stringify({ entries })) {
  const input = channels['staging:apply'].input.parse(JSON.parse(text)) as { entries: StagingEntry[] };
  return { entries: input.entries, text };
}

const records = async (table = T) => (await readFile(file(table), 'utf8')).split('\n').slice(1, -1).map((l) => l.slice(9));

async function loaded(store: StagingStore) {
  const { entries } = await store.load();
  return new Map(entries.map((e) => [e.id, e.change]));
}

test("a one-table save is written as the request's own text, and reloads to what memory holds", async () => {
  // An unknown key the schema drops on input is dropped again on reload.
  const entries = [update(1), { ...update(2), extra: 'ignored' }, { id: `sandbox/${T}/gone`, connectionId: 'sandbox', table: T }];
  const { entries: checked, text } = request(entries);
  const s = new StagingStore(root);
  await s.apply(checked, text);
  expect(await records()).toEqual([text]);
  const memory = await loaded(s);
  const disk = await loaded(new StagingStore(root));
  expect(disk).toEqual(memory);
  expect([...disk.keys()]).toEqual([`sandbox/${T}/U-1`, `sandbox/${T}/U-2`]);
  const u = disk.get(`sandbox/${T}/U-1`)!;
  expect(u.kind).toBe('update');
  if (u.kind !== 'update') return;
  expect(Object.keys(u.item)).toEqual(['id', '__proto__', 'big', 'bin', 'm', 'status']);
  expect(Object.getOwnPropertyDescriptor(u.item, '__proto__')?.value).toEqual({ N: '1' });
  expect(u.item.big).toEqual({ N: '12345678901234567890.000001' });
  expect(u.original.tags).toEqual({ SS: ['a', 'b'] });
  expect(Object.getOwnPropertyDescriptor((u.item.m as { M: Item }).M, '__proto__')?.value).toEqual({ L: [{ NULL: true }] });
  // A second save appends after it; both reload.
  const next = request([{ ...update(3) }]);
  await s.apply(next.entries, next.text);
  expect(await records()).toEqual([text, next.text]);
  expect([...(await loaded(new StagingStore(root))).keys()]).toHaveLength(3);
});

test('a save over two tables, or a text on several lines, is serialised entry by entry as before', async () => {
  const s = new StagingStore(root);
  const two = request([update(1, 'A-table'), update(2, 'B-table')]);
  await s.apply(two.entries, two.text);
  const pretty = request([update(3)], JSON.stringify({ entries: [update(3)] }, null, 2));
  await s.apply(pretty.entries, pretty.text);
  for (const table of ['A-table', 'B-table', T]) {
    const [record] = await records(table);
    expect(record).toMatch(/^\{"entries":\[\{"id":"sandbox\/[^"]+","update":/);
  }
  expect([...(await loaded(new StagingStore(root))).keys()].sort()).toEqual(
    [`sandbox/A-table/U-1`, `sandbox/B-table/U-2`, `sandbox/${T}/U-3`],
  );
});
