import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import { tableFile } from './files';
import { StagingStore } from './store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dynostage-staging-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

function put(table: string, id: string, extra: Record<string, string> = {}): StagingEntry {
  const change: StagedChange = {
    kind: 'put',
    connectionId: 'sandbox',
    table,
    key: { ticketId: { S: id } },
    item: { ticketId: { S: id }, big: { N: '1234567890123456789012345678901234567.8' }, tags: { SS: ['a', 'b'] }, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { S: v }])) },
  };
  return { id: `sandbox/${table}/${id}`, connectionId: 'sandbox', table, change };
}

test('changes survive a new store instance (a restart), types intact', async () => {
  const a = new StagingStore(root);
  await a.apply([put('SupportTickets', 'T-1'), put('TicketArchive', 'T-1')]);
  const b = new StagingStore(root);
  const { entries, problems } = await b.load();
  expect(problems).toEqual([]);
  expect(entries).toHaveLength(2);
  const first = entries.find((e) => e.change.table === 'SupportTickets')!;
  expect(first.change.kind === 'put' && first.change.item.big).toEqual({ N: '1234567890123456789012345678901234567.8' });
  expect(first.change.kind === 'put' && first.change.item.tags).toEqual({ SS: ['a', 'b'] });
});

test('un-staging removes the entry, and an empty table leaves no file', async () => {
  const s = new StagingStore(root);
  await s.apply([put('SupportTickets', 'T-1'), put('SupportTickets', 'T-2')]);
  await s.apply([{ id: 'sandbox/SupportTickets/T-1', connectionId: 'sandbox', table: 'SupportTickets' }]);
  expect((await new StagingStore(root).load()).entries.map((e) => e.id)).toEqual(['sandbox/SupportTickets/T-2']);
  await s.apply([{ id: 'sandbox/SupportTickets/T-2', connectionId: 'sandbox', table: 'SupportTickets' }]);
  expect(await readdir(join(root, 'sandbox'))).toEqual([]);
});

test('a damaged file is moved aside and reported; the other tables still load', async () => {
  const s = new StagingStore(root);
  await s.apply([put('SupportTickets', 'T-1'), put('TicketArchive', 'T-9')]);
  const file = tableFile(root, 'sandbox', 'SupportTickets');
  await writeFile(file, '{"version":1,"connectionId":"sandbox","tab');
  const { entries, problems } = await new StagingStore(root).load();
  expect(entries.map((e) => e.id)).toEqual(['sandbox/TicketArchive/T-9']);
  expect(problems).toHaveLength(1);
  expect(problems[0]!.file).toBe(file);
  expect(problems[0]!.message).toMatch(/Could not read staged changes/);
  // Kept, not deleted: the user can recover it by hand.
  expect(await readFile(problems[0]!.movedTo, 'utf8')).toContain('"tab');
});

test('a leftover temp file from an interrupted write is ignored; the last complete file wins', async () => {
  const s = new StagingStore(root);
  await s.apply([put('SupportTickets', 'T-1')]);
  const file = tableFile(root, 'sandbox', 'SupportTickets');
  await writeFile(file + '.123.456.tmp', '{"torn');
  const { entries, problems } = await new StagingStore(root).load();
  expect(entries).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('table and connection names with path characters stay inside the staging folder', async () => {
  const s = new StagingStore(root);
  await s.apply([{ ...put('../../etc', 'x'), connectionId: '../up' }]);
  const files = await readdir(root, { recursive: true });
  expect(files.every((f) => !f.includes('..' + '/'))).toBe(true);
  expect((await new StagingStore(root).load()).entries).toHaveLength(1);
});

test('an update sent as a delta (original + what differs) is saved whole', async () => {
  const original = { ticketId: { S: 'T-9' }, status: { S: 'open' }, n: { N: '1' } };
  const entry: StagingEntry = {
    id: 'sandbox/SupportTickets/T-9',
    connectionId: 'sandbox',
    table: 'SupportTickets',
    update: {
      connectionId: 'sandbox',
      table: 'SupportTickets',
      key: { ticketId: { S: 'T-9' } },
      original,
      set: { status: { S: 'closed' }, added: { BOOL: true } },
      remove: ['n'],
    },
  };
  await new StagingStore(root).apply([entry]);
  const { entries } = await new StagingStore(root).load();
  expect(entries).toEqual([
    {
      id: entry.id,
      change: {
        kind: 'update',
        connectionId: 'sandbox',
        table: 'SupportTickets',
        key: { ticketId: { S: 'T-9' } },
        original,
        item: { ticketId: { S: 'T-9' }, status: { S: 'closed' }, added: { BOOL: true } },
      },
    },
  ]);
});
