import { mkdtempSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { JournalWriter, type JournalHeader } from '../commitEngine/journal';
import { JournalFolder } from './journals';

const dir = mkdtempSync(join(tmpdir(), 'dynostage-journals-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const put = (id: string) => ({ id, table: 'T', kind: 'put', item: { pk: { S: id } } });
const header = { journal: 'dynostage-commit', version: 1, createdAt: '2026-01-01T00:00:00Z', keySchemas: { T: { partitionKey: { name: 'pk', type: 'S' } } }, ops: [put('a'), put('b')] };

test('a journal that does not validate is refused naming the commit and the line, never a path', async () => {
  const folder = new JournalFolder(dir);
  await folder.begin('c1', 'conn-1');
  await writeFile(folder.journalPath('c1'), JSON.stringify(header) + '\nnull\n');
  const err = await folder.connectionOf('c1').then(() => null, (e: Error) => e);
  expect(err?.message).toMatch(/^the journal of commit c1 is not valid \(line 2 is not an outcome line/);
  expect(err?.message).toMatch(/discard it \(its unwritten changes stay staged: commit them again\)$/);
  expect(err?.message).not.toContain(dir);
  await writeFile(join(dir, 'c1.meta.json'), '{"connectionId":5}');
  await writeFile(folder.journalPath('c1'), JSON.stringify(header) + '\n');
  await expect(folder.connectionOf('c1')).rejects.toThrow(/commit c1 has a connection record \(meta.json\) that does not validate/);
  await rm(join(dir, 'c1.meta.json'));
  const missing = await folder.connectionOf('c1').then(() => null, (e: Error) => e);
  expect(missing?.message).toMatch(/commit c1 has no readable connection record/);
  expect(missing?.message).not.toContain(dir);
});

test('a journal is tied to its connection: a hand-added op or another connection is refused', async () => {
  const folder = new JournalFolder(dir);
  const file = await folder.begin('c2', 'conn-1');
  const w = await JournalWriter.create(file, { ...(header as JournalHeader), connectionId: 'conn-1' });
  w.append({ written: ['a'] });
  await w.close();
  const ok = await folder.verified('c2');
  expect(ok.connectionId).toBe('conn-1');
  expect(ok.journal.pending.map((o) => o.id)).toEqual(['b']);
  const original = await readFile(file, 'utf8');
  const [plan, ...rest] = original.split('\n');
  const added = JSON.parse(plan ?? '') as JournalHeader;
  added.ops.push({ id: 'evil', table: 'T', kind: 'delete', key: { pk: { S: 'precious' } } });
  await writeFile(file, [JSON.stringify(added), ...rest].join('\n'));
  await expect(folder.connectionOf('c2')).rejects.toThrow(
    /^the journal of commit c2 was changed after it was written \(its plan no longer matches the hash written with it\); discard it \(its unwritten changes stay staged: commit them again\)$/,
  );
  const moved = { ...(JSON.parse(plan ?? '') as JournalHeader), connectionId: 'conn-2' };
  await writeFile(file, [JSON.stringify(moved), ...rest].join('\n'));
  await expect(folder.connectionOf('c2')).rejects.toThrow(/commit c2 was changed after it was written \(its plan no longer matches/);
  await writeFile(file, original);
  await writeFile(join(dir, 'c2.meta.json'), JSON.stringify({ connectionId: 'conn-2' }));
  await expect(folder.connectionOf('c2')).rejects.toThrow(
    /commit c2 was changed after it was written \(it was planned for connection conn-1, its record names conn-2\)/,
  );
  const unsigned = { ...(JSON.parse(plan ?? '') as JournalHeader), hash: undefined };
  await writeFile(join(dir, 'c2.meta.json'), JSON.stringify({ connectionId: 'conn-1' }));
  await writeFile(file, [JSON.stringify(unsigned), ...rest].join('\n'));
  await expect(folder.connectionOf('c2')).rejects.toThrow(/commit c2 was changed after it was written \(its plan carries no hash\)/);
});

test('pending lists what a resume would send (counts by table and kind, sample keys) and why one cannot be resumed', async () => {
  const d = mkdtempSync(join(tmpdir(), 'dynostage-pending-'));
  const folder = new JournalFolder(d);
  const ops = [
    ...Array.from({ length: 25 }, (_, i) => ({ id: `p${i}`, table: 'T', kind: 'put' as const, item: { pk: { S: `k${i}` }, big: { S: 'x' } } })),
    { id: 'd0', table: 'U', kind: 'delete' as const, key: { pk: { S: 'gone' } }, guard: { base: { pk: { S: 'gone' } } } },
  ];
  const keySchemas = { ...header.keySchemas, U: header.keySchemas.T } as JournalHeader['keySchemas'];
  const w = await JournalWriter.create(await folder.begin('good', 'conn-1'), {
    journal: 'dynostage-commit', version: 1, createdAt: '2026-01-02T00:00:00Z', keySchemas, ops, connectionId: 'conn-1',
  });
  w.append({ written: ['p0', 'p1'] });
  await w.close();
  await folder.begin('bad', 'conn-1');
  await writeFile(folder.journalPath('bad'), JSON.stringify(header) + '\n');
  const [bad, good] = await folder.pending(new Set());
  expect(good).toMatchObject({ commitId: 'good', connectionId: 'conn-1', total: 26, written: 2, pending: 24 });
  expect(good?.byTable).toEqual([
    { table: 'T', kind: 'put', count: 23 },
    { table: 'U', kind: 'delete', count: 1 },
  ]);
  expect(good?.sample).toHaveLength(20);
  expect(good?.sample?.[0]).toEqual({ table: 'T', kind: 'put', key: { pk: { S: 'k2' } } });
  expect(bad).toMatchObject({ commitId: 'bad', problem: expect.stringMatching(/commit bad was changed after it was written \(its plan carries no hash\)/) });
  // The guard a resume sends is the one the journal holds.
  expect((await folder.verified('good')).journal.pending.at(-1)).toMatchObject({ id: 'd0', guard: { base: { pk: { S: 'gone' } } } });
  await rm(d, { recursive: true, force: true });
});
