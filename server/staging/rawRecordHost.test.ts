import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startHost } from '../../test-support/servers/webHost';
import { tableFile } from './files';

const dataDir = mkdtempSync(join(tmpdir(), 'dynostage-rawhost-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

test("through the web host, a one-table save's record is the body it sent; a restart reloads it", async () => {
  const host = await startHost({ dataDir, seed: false });
  const table = 'SupportTickets';
  const original = JSON.parse('{"ticketId":{"S":"T-1"},"__proto__":{"N":"007.50"},"tags":{"SS":["a"]}}');
  const body = JSON.stringify({
    entries: [
      {
        id: `sandbox/${table}/T-1`,
        connectionId: 'sandbox',
        table,
        update: { connectionId: 'sandbox', table, key: { ticketId: { S: 'T-1' } }, original, set: { status: { S: 'done' } }, remove: [] },
      },
    ],
  });
  const res = await fetch(`${host.origin}/api/staging:apply`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}` },
    body,
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  const lines = (await readFile(tableFile(join(dataDir, 'staging'), 'sandbox', table), 'utf8')).split('\n');
  expect(lines[1]!.slice(9)).toBe(body);
  await host.stop();

  const again = await startHost({ dataDir, seed: false });
  const out = await fetch(`${again.origin}/api/staging:load`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${again.token}` },
    body: '{}',
  });
  await again.stop();
  const { value } = (await out.json()) as { value: { entries: { id: string; change: { item: Record<string, unknown> } }[] } };
  const item = value.entries[0]!.change.item;
  expect(Object.keys(item)).toEqual(['ticketId', '__proto__', 'tags', 'status']);
  expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toEqual({ N: '007.50' });
});
