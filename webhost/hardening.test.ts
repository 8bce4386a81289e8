/** The web host's token exchange, limits and error hygiene, probed over real sockets. */
import http from 'node:http';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../server/backend';
import { startWebHost, type WebHost } from './server';

let dir: string;
let backend: Backend;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-webhard-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: false });
  host = await startWebHost({
    backend,
    port: 0,
    staticDir: join(dir, 'no-build'),
    limits: { maxBodyBytes: 4 * 1024 * 1024, maxEventClients: 2 },
  });
});
afterAll(async () => {
  await host.close();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  h: WebHost,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: h.port, method, path, headers, agent: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const pathOf = (url: string) => url.slice(url.indexOf('/', 'http://'.length));

describe('the launch URL', () => {
  test('works once: a session cookie (HttpOnly, SameSite=Strict) and a redirect without the token', async () => {
    const url = host.launchUrl();
    const first = await request(host, 'GET', pathOf(url));
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^dynostage_session_\d+=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    const session = cookie.split(';')[0]!;

    const api = await request(host, 'POST', '/api/connections:list', { Cookie: session }, '{}');
    expect(api.status).toBe(200);

    // The same URL from the browser's history, without the cookie: useless.
    const again = await request(host, 'GET', pathOf(url));
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  test('a forged launch token, or the API token in the address, opens no session', async () => {
    const forged = await request(host, 'GET', '/?token=abc.def');
    expect(forged.status).toBe(401);
    const apiToken = await request(host, 'GET', `/?token=${host.token}`);
    expect(apiToken.status).toBe(401);
  });

  test('?token= is accepted on the event stream only', async () => {
    const api = await request(host, 'POST', `/api/connections:list?token=${host.token}`, {}, '{}');
    expect(api.status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    controller.abort();
  });

  test('a request a browser marks as cross-site is refused', async () => {
    const r = await request(host, 'POST', '/api/connections:list', { Authorization: `Bearer ${host.token}`, 'Sec-Fetch-Site': 'same-site' }, '{}');
    expect(r.status).toBe(403);
  });
});

describe('limits', () => {
  test('a body declared larger than the limit gets 413 before it is sent', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/staging:apply',
          agent: false,
          headers: { Authorization: `Bearer ${host.token}`, 'Content-Length': String(200 * 1024 * 1024) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      req.write(Buffer.alloc(64 * 1024, 0x20)); // the rest is never sent
    });
    expect(status).toBe(413);
  });

  test('a chunked body is refused once it passes the limit, without reading the rest', async () => {
    let sent = 0;
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/staging:apply',
          agent: false,
          headers: { Authorization: `Bearer ${host.token}`, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(-1));
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const pump = () => {
        // Stops by itself at 64 MiB; the host answers long before.
        while (sent < 64 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  test('event streams beyond the cap get 503', async () => {
    const controllers = [new AbortController(), new AbortController()];
    const url = `http://127.0.0.1:${host.port}/api/events?token=${host.token}`;
    for (const c of controllers) expect((await fetch(url, { signal: c.signal })).status).toBe(200);
    const third = await request(host, 'GET', `/api/events?token=${host.token}`);
    expect(third.status).toBe(503);
    for (const c of controllers) c.abort();
  });

  test('connections beyond the cap are closed; slow headers time out', async () => {
    const h = await startWebHost({ backend, port: 0, staticDir: dir, limits: { maxConnections: 2, headersTimeoutMs: 400 } });
    const open = (): Promise<net.Socket> =>
      new Promise((resolve) => {
        const s = net.connect(h.port, '127.0.0.1', () => resolve(s));
      });
    const closed = (s: net.Socket) => new Promise<string>((resolve) => {
      let text = '';
      s.on('data', (d: Buffer) => (text += d.toString()));
      s.on('close', () => resolve(text));
    });
    const a = await open();
    const b = await open();
    const aClosed = closed(a);
    a.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never finished
    const c = await open();
    expect(await closed(c)).toBe(''); // the third: closed without an answer
    expect(await aClosed).toMatch(/^HTTP\/1\.1 408/); // the slow one: timed out
    b.destroy();
    await h.close();
  });
});

describe('errors', () => {
  test('GET /% is a 400, not a 500', async () => {
    expect((await request(host, 'GET', '/%')).status).toBe(400);
    expect((await request(host, 'POST', '/api/%', { Authorization: `Bearer ${host.token}` }, '{}')).status).toBe(400);
  });

  test('an unexpected error reaches the client without file paths', async () => {
    const crashing: Backend = {
      ...backend,
      call: () => Promise.reject(Object.assign(new Error(`ENOENT: no such file or directory, open '${dir}/commits/abc.meta.json'`), { code: 'ENOENT' })),
    };
    const h = await startWebHost({ backend: crashing, port: 0, staticDir: dir });
    const r = await request(h, 'POST', '/api/commit:pending', { Authorization: `Bearer ${h.token}` }, '{}');
    expect(r.status).toBe(500);
    expect(r.body).toContain('abc.meta.json');
    expect(r.body).not.toContain(dir);
    await h.close();
    const { toApiError } = await import('../server/dispatch');
    expect(toApiError(new Error(`EACCES: permission denied, mkdir '${dir}/staging'`)).message).toBe("Error: EACCES: permission denied, mkdir '…/staging'");
  });
});
