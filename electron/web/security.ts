import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** The hosts a loopback page may be addressed by; anything else is DNS rebinding or a stranger. */
export function allowedOrigins(port: number): { hosts: Set<string>; origins: Set<string> } {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  return { hosts, origins };
}

/** 403 unless Host is ours and Origin, when sent, is ours too. */
export function checkHostAndOrigin(req: IncomingMessage, port: number): string | null {
  const { hosts, origins } = allowedOrigins(port);
  const host = req.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) return `Host "${host}" is not allowed`;
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.has(origin.toLowerCase())) return `Origin "${origin}" is not allowed`;
  return null;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request's token: `Authorization: Bearer …`, `X-DynoStage-Token`, or `?token=` (for SSE). */
export function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice(7).trim(), token)) return true;
  const header = req.headers['x-dynostage-token'];
  if (typeof header === 'string' && sameToken(header, token)) return true;
  const q = url.searchParams.get('token');
  return q !== null && sameToken(q, token);
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
