import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { checkHostAndOrigin, hasToken } from './security';
import { serveStatic } from './static';

export interface WebHostOptions {
  backend: Backend;
  /** The renderer build (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token for tests; a new random one otherwise. */
  token?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('Request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the loopback web host: the renderer build, `POST /api/<channel>` and `GET /api/events`. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = opts.port;
  const sse = new Set<ServerResponse>();
  const unsubscribe = opts.backend.onEvent((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sse) res.write(line);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = checkHostAndOrigin(req, port);
    if (refused) return fail(res, 403, 'Forbidden', refused);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'BadInput', 'Method not allowed');
      return serveStatic(opts.staticDir, url.pathname, res);
    }
    if (!hasToken(req, url, token)) {
      return fail(res, 401, 'Unauthorized', 'Missing or wrong token: send "Authorization: Bearer <token>" (the token is in the URL the host printed)');
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sse.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(ping);
        sse.delete(res);
      });
      return;
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    if (req.method !== 'POST') return fail(res, 405, 'BadInput', `Use POST /api/${channel}`);
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      return fail(res, status, 'BadInput', `Malformed JSON body: ${(err as Error).message}`);
    }
    const { status, envelope } = await opts.backend.call(channel, input);
    sendJson(res, status, envelope);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, 500, 'Internal', (err as Error).message ?? String(err));
      else res.end();
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const res of sse) res.end();
      sse.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
