import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startHost } from '../../test-support/servers/webHost';

const dataDir = mkdtempSync(join(tmpdir(), 'dynostage-kill-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function api(origin: string, token: string, channel: string, body: unknown) {
  const res = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; value?: any };
}

test('everything acknowledged before the host is killed is there after a restart', async () => {
  const host = await startHost({ dataDir, seed: false });
  const acknowledged: string[] = [];
  let stop = false;
  // Stage edits as fast as the host acknowledges them, across two tables, and kill it mid-stream.
  const writer = (async () => {
    for (let i = 0; !stop; i++) {
      const table = i % 2 ? 'SupportTickets' : 'TicketArchive';
      const id = `sandbox/${table}/T-${i}`;
      const change = {
        kind: 'put',
        connectionId: 'sandbox',
        table,
        key: { ticketId: { S: `T-${i}` } },
        item: { ticketId: { S: `T-${i}` }, n: { N: String(i) } },
      };
      try {
        const out = await api(host.origin, host.token, 'staging:apply', {
          entries: [{ id, connectionId: 'sandbox', table, change }],
        });
        if (out.ok) acknowledged.push(id);
      } catch {
        return; // the host is gone
      }
    }
  })();
  while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
  const exited = new Promise((r) => host.process.once('exit', r));
  host.process.kill('SIGKILL');
  stop = true;
  await writer;
  await exited;

  const again = await startHost({ dataDir, seed: false });
  const out = await api(again.origin, again.token, 'staging:load', {});
  await again.stop();
  expect(out.ok).toBe(true);
  expect(out.value.problems).toEqual([]);
  const restored = new Set((out.value.entries as { id: string }[]).map((e) => e.id));
  const lost = acknowledged.filter((id) => !restored.has(id));
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);
  expect(lost).toEqual([]);
});
