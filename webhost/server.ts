import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../server/backend';
import { redactPaths } from '../server/dispatch';
import { EarlyList } from './earlyList';
import { servePage } from './page';
import { ssePieces } from '../server/items/itemsEvent';
import { attachRaw } from '../server/requestText';
import { DEFAULT_LIMITS, readBody, type WebLimits } from './limits';
import { checkHostAndOrigin } from './security';
import { WebSessions } from './session';
import { serveStatic } from './static';

export interface WebHostOptions {
  backend: Backend;
  /** The renderer build (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed API token for tests; a new random one otherwise. */
  token?: string;
  limits?: Partial<WebLimits>;
  /** How long a page load waits for the early table listing to write it into the page (ms). */
  earlyListWaitMs?: number;
}

export interface WebHost {
  server: Server;
  port: number;
  /** The API token: `Authorization: Bearer <token>` for scripts. */
  token: string;
  /** A launch URL (works once: it becomes a session cookie and leaves the address bar). */
  url: string;
  /** Another single-use launch URL. */
  launchUrl(): string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, timing?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(timing ? { 'Server-Timing': timing } : {}),
  });
  res.end(text);
}

/**
 * The Server-Timing of an API answer (ms): reading the body, parsing it, and the backend's
 * answer. The browser shows it beside the request (DevTools, Resource Timing), so the host's
 * share of a slow save is seen apart from the wire and the page.
 */
function serverTiming(marks: { start: number; read: number; parsed: number; answered: number }): string {
  const ms = (a: number, b: number) => (b - a).toFixed(1);
  return `read;dur=${ms(marks.start, marks.read)}, parse;dur=${ms(marks.read, marks.parsed)}, answer;dur=${ms(marks.parsed, marks.answered)}`;
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A request for the app's page (not one of its assets): the path has no file extension. */
const isPage = (pathname: string) => pathname === '/' || pathname === '/index.html' || !/\.[^/]*$/.test(pathname);

/** A page load waits this long at most for its table list (then the app lists them itself). */
export const EARLY_LIST_WAIT_MS = 250;

const UNAUTHORIZED =
  'Missing or wrong token: open the URL the host printed (each works once), or send "Authorization: Bearer <API token>"';

/** Writes an event's line (ssePieces) to a stream: several pieces go out in one write (corked). */
function writePieces(res: ServerResponse, line: string | Uint8Array[]): void {
  if (typeof line === 'string') return void res.write(line);
  res.cork();
  for (const piece of line) res.write(piece);
  process.nextTick(() => res.uncork());
}

/** Starts the loopback web host: the renderer build, `POST /api/<channel>` and `GET /api/events`. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const limits: WebLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  let port = opts.port;
  const state: { sessions?: WebSessions } = {};
  const sse = new Set<ServerResponse>();
  const early = new EarlyList((channel, input) => opts.backend.call(channel, input));
  const unsubscribe = opts.backend.onEvent(
    (event) => {
      // A Load all page's items go out as the bytes DynamoDB sent (server/items/itemsEvent.ts).
      const line = ssePieces(event);
      for (const res of sse) writePieces(res, line);
    },
    { splicesItems: true },
  );

  /** A launch token in the address: redeemed once for a session cookie, then taken out of it. */
  const launch = (req: IncomingMessage, res: ServerResponse, url: URL, auth: WebSessions) => {
    const token = url.searchParams.get('token') ?? '';
    url.searchParams.delete('token');
    const clean = url.pathname + url.search;
    const cookie = auth.redeem(token);
    if (cookie || auth.allows(req, url, false)) {
      void early.pageLoading();
      res.writeHead(303, {
        Location: clean,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        ...(cookie ? { 'Set-Cookie': cookie } : {}),
      });
      res.end();
      return;
    }
    res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      'This DynoStage link was already used or is not from this host. Open the URL the host printed when it started (each works once).',
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const auth = state.sessions;
    if (!auth) return fail(res, 503, 'Unavailable', 'The host is starting');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = checkHostAndOrigin(req, port);
    if (refused) return fail(res, 403, 'Forbidden', refused);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'BadInput', 'Method not allowed');
      if (url.searchParams.has('token')) return launch(req, res, url, auth);
      if (isPage(url.pathname) && auth.allows(req, url, false)) {
        void early.pageLoading();
        const wait = opts.earlyListWaitMs ?? EARLY_LIST_WAIT_MS;
        if (await servePage(opts.staticDir, url, res, (ms) => early.take(ms), wait)) return;
      }
      return serveStatic(opts.staticDir, url.pathname, res);
    }
    const events = url.pathname === '/api/events';
    if (!auth.allows(req, url, events)) return fail(res, 401, 'Unauthorized', UNAUTHORIZED);
    if (events) {
      if (sse.size >= limits.maxEventClients) {
        return fail(res, 503, 'Unavailable', `At most ${limits.maxEventClients} event streams at once: close a tab`);
      }
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
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return fail(res, 400, 'BadInput', 'Malformed channel name in the path');
    }
    if (req.method !== 'POST') return fail(res, 405, 'BadInput', `Use POST /api/${channel}`);
    let input: unknown;
    const start = performance.now();
    let read: number;
    try {
      const text = await readBody(req, limits.maxBodyBytes);
      read = performance.now();
      input = text.trim() === '' ? {} : JSON.parse(text);
      // staging:apply writes a bulk save's text as its log record (other channels: no copy kept).
      if (channel === 'staging:apply') attachRaw(input, text);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      if (status === 413) {
        // Say so now and close: the rest of the body is never read.
        res.setHeader('Connection', 'close');
        fail(res, 413, 'BadInput', (err as Error).message);
        res.once('finish', () => req.destroy());
        return;
      }
      return fail(res, status, 'BadInput', `Malformed JSON body: ${(err as Error).message}`);
    }
    const parsed = performance.now();
    const { status, envelope } = await early.answer(channel, input);
    const answered = performance.now();
    sendJson(res, status, envelope, serverTiming({ start, read, parsed, answered }));
  };

  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // How often the two timeouts above are checked.
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs / 2),
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        if (res.headersSent) return void res.end();
        if (err instanceof URIError) fail(res, 400, 'BadInput', 'Malformed percent-encoding in the path');
        else fail(res, 500, 'Internal', redactPaths((err as Error).message ?? String(err)));
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const auth = new WebSessions(port, opts.token);
  state.sessions = auth;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    port,
    token: auth.apiToken,
    url: auth.launchUrl(origin),
    launchUrl: () => auth.launchUrl(origin),
    close: async () => {
      unsubscribe();
      for (const res of sse) res.end();
      sse.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
