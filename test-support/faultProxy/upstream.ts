/** The fault proxy's two ends: a request forwarded to the real server, and an answer sent back. */
import http from 'node:http';
import zlib from 'node:zlib';

export interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Forwards `req` with `body` (as the operation `target` when given) to the real server. */
export function forwardTo(
  targetUrl: URL,
  agent: http.Agent,
  req: http.IncomingMessage,
  body: Buffer,
  target?: string,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...req.headers,
      host: targetUrl.host,
      'content-length': String(body.length),
      ...(target ? { 'x-amz-target': `DynamoDB_20120810.${target}` } : {}),
    };
    const up = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

/** Sends an answer (maybe rewritten) with its own content-length and CRC32. */
export function send(
  res: http.ServerResponse,
  status: number,
  headers: http.OutgoingHttpHeaders,
  body: Buffer,
) {
  // The SDK checks x-amz-crc32 against the body, so a rewritten body needs its own.
  res.writeHead(status, {
    ...headers,
    'content-length': String(body.length),
    'x-amz-crc32': String(zlib.crc32(body)),
  });
  res.end(body);
}
