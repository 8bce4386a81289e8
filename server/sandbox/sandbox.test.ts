import { GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Sandbox } from './sandbox';
import { BIG_NUMBER, BIG_NUMBER_TICKET, orgUsers, supportTickets } from './seedData';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-sandbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('seed data', () => {
  test('is deterministic and has the documented shape', () => {
    const a = supportTickets();
    expect(supportTickets()).toEqual(a);
    expect(a).toHaveLength(2000);
    const resolved = a.filter((t) => t.status && 'S' in t.status && t.status.S === 'resolved').length;
    expect(resolved).toBeGreaterThan(900);
    expect(resolved).toBeLessThan(1100);
    expect(a.some((t) => t.assignee && 'NULL' in t.assignee)).toBe(true);
    expect(a.some((t) => t.attachment && 'B' in t.attachment)).toBe(true);
    expect(a.some((t) => !t.history)).toBe(true);
    expect(a.every((t) => t.tags && 'SS' in t.tags && t.tags.SS.length > 0)).toBe(true);
    const big = a.find((t) => t.ticketId && 'S' in t.ticketId && t.ticketId.S === BIG_NUMBER_TICKET);
    expect(big?.refundAmount).toEqual({ N: BIG_NUMBER });
    expect(BIG_NUMBER.replace(/\D/g, '')).toHaveLength(38);
    expect(orgUsers()).toHaveLength(120);
  });
});

describe('sandbox', () => {
  test('seeds once, persists writes across restarts', async () => {
    const s1 = new Sandbox({ dir, seed: true });
    expect((await s1.start()).state).toBe('running');
    const c1 = s1.client();
    const scan = await c1.send(new ScanCommand({ TableName: 'SupportTickets', Select: 'COUNT' }));
    expect(scan.Count).toBe(2000);
    const big = await c1.send(
      new GetItemCommand({ TableName: 'SupportTickets', Key: { ticketId: { S: BIG_NUMBER_TICKET } } }),
    );
    expect(big.Item?.refundAmount).toEqual({ N: BIG_NUMBER });
    await c1.send(new PutItemCommand({ TableName: 'TicketArchive', Item: { ticketId: { S: 'kept' } } }));
    await s1.close();

    const s2 = new Sandbox({ dir, seed: true });
    expect((await s2.start()).state).toBe('running');
    const kept = await s2.client().send(
      new GetItemCommand({ TableName: 'TicketArchive', Key: { ticketId: { S: 'kept' } } }),
    );
    expect(kept.Item).toEqual({ ticketId: { S: 'kept' } });
    await s2.close();
  });

  test('a damaged store gives a clear error, and reset moves it aside and starts fresh', async () => {
    const s1 = new Sandbox({ dir, seed: false });
    await s1.start();
    await s1.close();
    const store = join(dir, 'store');
    for (const f of await readdir(store)) {
      if (f.startsWith('MANIFEST') || f === 'CURRENT') await writeFile(join(store, f), 'garbage\n');
    }
    const s2 = new Sandbox({ dir, seed: true });
    const status = await s2.start();
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/damaged.*Reset the sandbox/s);
    expect(() => s2.client()).toThrow(/not running/);
    const after = await s2.reset();
    expect(after.state).toBe('running');
    expect(readdirSync(dir).some((f) => f.startsWith('store.damaged-'))).toBe(true);
    const count = await s2.client().send(new ScanCommand({ TableName: 'OrgUsers', Select: 'COUNT' }));
    expect(count.Count).toBe(120);
    expect(existsSync(join(dir, 'seeded.json'))).toBe(true);
    await s2.close();
  });
});
