/** How much the web host accepts: bodies, connections, event streams, slow clients. */
import type { IncomingMessage } from 'node:http';

export interface WebLimits {
  /**
   * Largest request body. The largest legitimate call is a staging:apply batch: the renderer sends
   * at most 5,000 entries and stops a batch after 8 MiB of JSON (persistQueue). Measured: 5,000
   * updates of the demo tickets are 4.8 MiB (1,007 bytes each); one update of a 400 KB item with
   * its original is 0.8 MB, 2.6 MB at worst (a 400 KB list of small numbers). So a batch stays
   * under 8 MiB + 2.6 MB; 32 MiB leaves room.
   */
  maxBodyBytes: number;
  /** Open sockets at once; more are closed on arrival. */
  maxConnections: number;
  /** Event streams (one per open tab) at once; more get 503. */
  maxEventClients: number;
  /** Time to receive a whole request (headers and body). Answers may take longer (a commit). */
  requestTimeoutMs: number;
  /** Time to receive the headers. */
  headersTimeoutMs: number;
}

export const DEFAULT_LIMITS: WebLimits = {
  maxBodyBytes: 32 * 1024 * 1024,
  maxConnections: 64,
  maxEventClients: 16,
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 10_000,
};

export class BodyTooLarge extends Error {
  readonly status = 413;
  constructor(limit: number) {
    super(`Request body too large: the limit is ${limit} bytes`);
  }
}

/**
 * The body as text, refusing (BodyTooLarge) as soon as the declared length or the bytes received
 * pass `limit`: a huge body is never held in memory.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
