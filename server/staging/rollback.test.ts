import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StagingEntry } from '../../shared/contract/staging';
import { tableFile } from './files';
import { StagingStore } from './store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dynostage-rollback-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const put = (table: string, id: string): StagingEntry => ({
  id: `${table}/${id}`,
  connectionId: 'sandbox',
  table,
  change: { kind: 'put', connectionId: 'sandbox', table, key: { id: { S: id } }, item: { id: { S: id } } },
});

test('after a failed staging write, memory holds what the disk holds (the failed table rolled back)', async () => {
  const s = new StagingStore(root);
  await s.apply([put('Tickets', 'T-1')]);
  // A folder where Blocked's file must go: its write fails at the rename.
  const blocked = tableFile(root, 'sandbox', 'Blocked');
  await mkdir(blocked, { recursive: true });
  await writeFile(join(blocked, 'x'), 'x');
  await expect(s.apply([put('Tickets', 'T-2'), put('Blocked', 'B-1')])).rejects.toThrow();
  const inMemory = (await s.load()).entries.map((e) => e.id).sort();
  await rm(blocked, { recursive: true });
  const onDisk = (await new StagingStore(root).load()).entries.map((e) => e.id).sort();
  expect(onDisk).toEqual(['Tickets/T-1', 'Tickets/T-2']);
  expect(inMemory).toEqual(onDisk);
});
