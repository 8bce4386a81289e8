import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item } from '../../shared/dynamo/types';
import { tableFile } from './files';
import { COMPACT_RATIO, COMPACT_SLACK, StagingStore } from './store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dynostage-log-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const T = 'Tickets';
const file = () => tableFile(root, 'sandbox', T);

function put(id: string, extra: Item = {}): StagingEntry {
  const item: Item = JSON.parse(JSON.stringify({ id: { S: id }, n: { N: '1.50' }, tags: { SS: ['a'] } }));
  for (const [k, v] of Object.entries(extra)) Object.defineProperty(item, k, { value: v, enumerable: true });
  const change: StagedChange = { kind: 'put', connectionId: 'sandbox', table: T, key: { id: { S: id } }, item };
  return { id: `sandbox/${T}/${id}`, connectionId: 'sandbox', table: T, change };
}

const ids = async (r = root) => (await new StagingStore(r).load()).entries.map((e) => e.id).sort();

test('a save appends its entries: what was on disk stays byte for byte, and everything reloads', async () => {
  const s = new StagingStore(root);
  await s.apply([put('T-1'), put('T-2')]);
  const first = await readFile(file());
  await s.apply([put('T-3'), { id: `sandbox/${T}/T-1`, connectionId: 'sandbox', table: T }]);
  const second = await readFile(file());
  expect(second.subarray(0, first.length).equals(first)).toBe(true);
  const added = second.length - first.length;
  expect(added).toBeLessThan(first.length); // one entry and one un-staging, not the table again
  expect(second.toString('utf8').split('\n')[0]).toContain('"version":2');
  expect(await ids()).toEqual([`sandbox/${T}/T-2`, `sandbox/${T}/T-3`]);
  expect((await stat(file())).mode & 0o777).toBe(0o600);
});

test('a torn last record (cut short, or a bad checksum) is ignored, and the next save follows the whole ones', async () => {
  const s = new StagingStore(root);
  await s.apply([put('T-1')]);
  await s.apply([put('T-2')]);
  const whole = await readFile(file());
  await appendFile(file(), '0123abcd {"entries":[{"id":"sandbox/Tickets/T-9","chan');
  expect(await new StagingStore(root).load()).toMatchObject({ problems: [] });
  const again = new StagingStore(root);
  expect(await ids()).toEqual([`sandbox/${T}/T-1`, `sandbox/${T}/T-2`]);
  await again.apply([put('T-3')]);
  expect((await readFile(file())).subarray(0, whole.length).equals(whole)).toBe(true);
  expect(await ids()).toEqual([`sandbox/${T}/T-1`, `sandbox/${T}/T-2`, `sandbox/${T}/T-3`]);

  // A whole line whose checksum does not match (a block lost in a crash) is torn too.
  await appendFile(file(), '00000000 {"entries":[]}\n');
  const { entries, problems } = await new StagingStore(root).load();
  expect(problems).toEqual([]);
  expect(entries).toHaveLength(3);
});

test('damage before the last record makes the file unreadable: moved aside and reported, others load', async () => {
  const s = new StagingStore(root);
  await s.apply([put('T-1')]);
  await s.apply([{ ...put('A-1'), table: 'Other', id: 'sandbox/Other/A-1' }]);
  await s.apply([put('T-2')]);
  const lines = (await readFile(file(), 'utf8')).split('\n');
  lines[1] = lines[1]!.replace('T-1', 'T-7');
  await writeFile(file(), lines.join('\n'));
  const { entries, problems } = await new StagingStore(root).load();
  expect(entries.map((e) => e.id)).toEqual(['sandbox/Other/A-1']);
  expect(problems).toHaveLength(1);
  expect(problems[0]!.message).toMatch(/Could not read staged changes: record at byte \d+ is damaged/);
  expect(await readFile(problems[0]!.movedTo, 'utf8')).toContain('T-7');
});

test('a log mostly superseded is compacted to its live entries; the last values survive', async () => {
  const s = new StagingStore(root);
  const big = { S: 'x'.repeat(20_000) };
  const saves = Math.ceil(COMPACT_SLACK / 20_000) * 2;
  for (let i = 0; i < saves; i++) await s.apply([put('T-1', { big, round: { N: String(i) } }), put(`K-${i % 3}`)]);
  await s.apply([]); // after the compaction queued by the last save
  const size = (await stat(file())).size;
  expect(size).toBeLessThan(COMPACT_RATIO * 25_000 + COMPACT_SLACK);
  const text = await readFile(file(), 'utf8');
  // Rewritten along the way: fewer records than saves, the superseded values gone.
  expect(text.split('\n').filter(Boolean).length).toBeLessThan(saves / 2 + 2);
  const { entries } = await new StagingStore(root).load();
  expect(entries.map((e) => e.id).sort()).toEqual([`sandbox/${T}/K-0`, `sandbox/${T}/K-1`, `sandbox/${T}/K-2`, `sandbox/${T}/T-1`]);
  const t1 = entries.find((e) => e.id.endsWith('T-1'))!.change;
  expect(t1.kind === 'put' && t1.item.round).toEqual({ N: String(saves - 1) });
  expect((await stat(file())).mode & 0o777).toBe(0o600);
});

test('a version 1 file (one JSON object) still loads, and the next save rewrites it as a log', async () => {
  const old = put('T-1').change!;
  await mkdir(join(root, 'sandbox'), { recursive: true });
  const v1 = { version: 1, connectionId: 'sandbox', table: T, changes: { [`sandbox/${T}/T-1`]: old } };
  await writeFile(file(), JSON.stringify(v1), { mode: 0o600 });
  const s = new StagingStore(root);
  const { entries, problems } = await s.load();
  expect(problems).toEqual([]);
  expect(entries).toEqual([{ id: `sandbox/${T}/T-1`, change: old }]);
  await s.apply([put('T-2')]);
  expect((await readFile(file(), 'utf8')).split('\n')[0]).toContain('dynostage-staging-log');
  expect(await ids()).toEqual([`sandbox/${T}/T-1`, `sandbox/${T}/T-2`]);
  expect((await readdir(join(root, 'sandbox'))).sort()).toEqual([`${T}.json`]);
});

test('an attribute named __proto__ survives a save as a change, as an update delta, and a compaction', async () => {
  const proto: Item = JSON.parse('{"__proto__":{"S":"evil"}}');
  const original: Item = JSON.parse('{"id":{"S":"U-1"},"__proto__":{"N":"1"},"keep":{"S":"k"}}');
  const s = new StagingStore(root);
  await s.apply([put('T-1', proto)]);
  await s.apply([
    {
      id: `sandbox/${T}/U-1`,
      connectionId: 'sandbox',
      table: T,
      update: { connectionId: 'sandbox', table: T, key: { id: { S: 'U-1' } }, original, set: JSON.parse('{"__proto__":{"N":"2"}}'), remove: [] },
    },
  ]);
  const check = async (r: StagingStore) => {
    const { entries } = await r.load();
    const p = entries.find((e) => e.id.endsWith('T-1'))!.change;
    const u = entries.find((e) => e.id.endsWith('U-1'))!.change;
    expect(p.kind === 'put' && Object.getOwnPropertyDescriptor(p.item, '__proto__')?.value).toEqual({ S: 'evil' });
    expect(u.kind === 'update' && Object.getOwnPropertyDescriptor(u.item, '__proto__')?.value).toEqual({ N: '2' });
    expect(u.kind === 'update' && Object.keys(u.item)).toEqual(['id', '__proto__', 'keep']);
  };
  await check(new StagingStore(root));
  // A version 1 file with such an item is rewritten whole on the next save (a compaction's path).
  const { entries } = await new StagingStore(root).load();
  const v1 = { version: 1, connectionId: 'sandbox', table: T, changes: Object.fromEntries(entries.map((e) => [e.id, e.change])) };
  await writeFile(file(), JSON.stringify(v1));
  const m = new StagingStore(root);
  await m.apply([put('T-2')]);
  await check(new StagingStore(root));
});
