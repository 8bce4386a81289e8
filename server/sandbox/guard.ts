/**
 * The sandbox's only door: a loopback HTTP proxy in front of dynalite, which itself listens on a
 * socket in the private sandbox folder (or a named pipe) that browsers cannot reach. dynalite
 * answers any Origin with `Access-Control-Allow-Origin: *` and accepts any signature, so without
 * this a web page that finds the port could read and change the sandbox. The guard refuses any
 * request with an Origin header or a foreign Host, and any request not signed with the run's
 * access key id; it adds no CORS headers.
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxGuard {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export interface GuardOptions {
  /** Where dynalite listens: a Unix socket path or a Windows named pipe. */
  upstreamSocket: string;
  /** The access key id every request must be signed with (Authorization: … Credential=<id>/…). */
  accessKeyId: string;
}

const CREDENTIAL = /\bCredential=([^/,\s]+)\//;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why the request may not reach dynalite, or null when it may. */
export function guardRefusal(
  req: http.IncomingMessage,
  port: number,
  accessKeyId: string,
): { status: number; type: string; message: string } | null {
  if (req.headers.origin !== undefined) {
    return {
      status: 403,
      type: 'AccessDeniedException',
      message: 'Requests from web pages are not accepted by the sandbox',
    };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return {
      status: 403,
      type: 'AccessDeniedException',
      message: `Host "${req.headers.host ?? ''}" is not the sandbox`,
    };
  }
  const keyId = CREDENTIAL.exec(req.headers.authorization ?? '')?.[1];
  if (!keyId || !sameText(keyId, accessKeyId)) {
    return {
      status: 400,
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  }
  return null;
}

function refuse(
  res: http.ServerResponse,
  r: { status: number; type: string; message: string },
): void {
  const body = JSON.stringify({
    __type: `com.amazonaws.dynamodb.v20120810#${r.type}`,
    message: r.message,
  });
  res.writeHead(r.status, {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Starts the guard on a free 127.0.0.1 port, forwarding accepted requests to `upstreamSocket`. */
export async function startSandboxGuard(opts: GuardOptions): Promise<SandboxGuard> {
  let port = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const refusal = guardRefusal(req, port, opts.accessKeyId);
    if (refusal) {
      req.resume();
      return refuse(res, refusal);
    }
    const up = http.request(
      {
        socketPath: opts.upstreamSocket,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (upRes) => {
        const headers = { ...upRes.headers };
        // Never let a browser read an answer, even if dynalite adds the headers for some request.
        for (const name of Object.keys(headers))
          if (name.startsWith('access-control-')) delete headers[name];
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent)
        refuse(res, {
          status: 500,
          type: 'InternalServerError',
          message: 'The sandbox did not answer',
        });
      else res.destroy();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
