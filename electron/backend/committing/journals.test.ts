import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
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
  expect(err?.message).toMatch(/discard it or resume it from the CLI after review$/);
  expect(err?.message).not.toContain(dir);
  await writeFile(join(dir, 'c1.meta.json'), '{"connectionId":5}');
  await writeFile(folder.journalPath('c1'), JSON.stringify(header) + '\n');
  await expect(folder.connectionOf('c1')).rejects.toThrow(/commit c1 has a connection record \(meta.json\) that does not validate/);
  await rm(join(dir, 'c1.meta.json'));
  const missing = await folder.connectionOf('c1').then(() => null, (e: Error) => e);
  expect(missing?.message).toMatch(/commit c1 has no readable connection record/);
  expect(missing?.message).not.toContain(dir);
});
