import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelNames } from '../shared/contract';
import { createBackend, type Backend } from '../server/backend';
import { startWebHost, type WebHost } from './server';

let dir: string;
let backend: Backend;
let host: WebHost;

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${host.port}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-web-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: true });
  host = await startWebHost({ backend, port: 0, staticDir: join(dir, 'no-build') });
});
afterAll(async () => {
  await host.close();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web host', () => {
  test('prints a loopback URL that carries a launch token (not the API token)', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]+\\.[\\w-]+$`));
    expect(host.url).not.toContain(host.token);
    expect(host.token.length).toBeGreaterThanOrEqual(24);
  });

  test('serves every contract channel (none answers 404)', async () => {
    for (const channel of channelNames) {
      const { status, json } = await post(`/api/${channel}`, '{"__bogus": ');
      // Malformed JSON reaches the channel route and is refused as bad input, not as unknown.
      expect(status, channel).toBe(400);
      expect(json.error?.code).toBe('BadInput');
    }
  });

  test('lists the sandbox tables with the token', async () => {
    const { status, json } = await post('/api/tables:list', JSON.stringify({ connectionId: 'sandbox' }));
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, value: { tables: ['OrgUsers', 'SupportTickets', 'TicketArchive'] } });
  });

  test('says in Server-Timing how long it read, parsed and answered', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/tables:list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ connectionId: 'sandbox' }),
    });
    const timing = res.headers.get('server-timing') ?? '';
    expect(timing).toMatch(/^read;dur=\d+\.\d, parse;dur=\d+\.\d, answer;dur=\d+\.\d$/);
    // The answer (a ListTables call to the sandbox) takes longer than no time.
    expect(Number(/answer;dur=([\d.]+)/.exec(timing)?.[1])).toBeGreaterThan(0);
    await res.json();
  });

  test('refuses a payload that fails its schema, naming the field', async () => {
    const { status, json } = await post('/api/tables:describe', JSON.stringify({ connectionId: 'sandbox', table: 5 }));
    expect(status).toBe(400);
    expect(json.ok).toBe(false);
    expect(json.error?.message).toMatch(/^Invalid input for tables:describe: table: /);
  });

  test('401 without the token, 403 for a foreign Host or Origin, 404 for an unknown channel', async () => {
    const noToken = await fetch(`http://127.0.0.1:${host.port}/api/tables:list`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const wrongToken = await post('/api/tables:list', '{}', { Authorization: 'Bearer nope' });
    expect(wrongToken.status).toBe(401);
    const origin = await post('/api/tables:list', '{}', { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    const unknown = await post('/api/tables:drop', '{}');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.message).toContain('tables:drop');
  });

  test('a foreign Host header is refused (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: '/api/tables:list', method: 'POST', headers: { Host: 'rebind.example:80', Authorization: `Bearer ${host.token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  test('a service error comes back with the service name and message, and the host keeps serving', async () => {
    const { status, json } = await post('/api/tables:describe', JSON.stringify({ connectionId: 'sandbox', table: 'NoSuchTable' }));
    expect(status).toBe(200);
    expect(json.error?.code).toBe('ResourceNotFoundException');
    expect(json.error?.message).toMatch(/not found/i);
    const again = await post('/api/connections:list', '{}');
    expect(again.json.ok).toBe(true);
  });

  test('the backend keeps Load all pages as bytes for this host, which splices them into its lines', () => {
    expect(backend.services.splicesItems).toBe(true);
  });

  test('events arrive on the server-sent-events stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // ': connected'
    backend.services.emit({ type: 'app:hello', at: 42 });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('data: {"type":"app:hello","at":42}\n\n');
    controller.abort();
  });
});

describe('web host crash handling', () => {
  test('a crash in the backend answers 500 with a message, and the host keeps serving', async () => {
    let calls = 0;
    const crashing: Backend = {
      ...backend,
      call: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return { status: 200, envelope: { ok: true, value: 'fine' } };
      },
    };
    const h = await startWebHost({ backend: crashing, port: 0, staticDir: dir });
    const headers = { Authorization: `Bearer ${h.token}` };
    const first = await fetch(`http://127.0.0.1:${h.port}/api/connections:list`, { method: 'POST', headers, body: '{}' });
    expect(first.status).toBe(500);
    expect(((await first.json()) as { error: { message: string } }).error.message).toBe('boom');
    const second = await fetch(`http://127.0.0.1:${h.port}/api/connections:list`, { method: 'POST', headers, body: '{}' });
    expect(second.status).toBe(200);
    await h.close();
  });
});
