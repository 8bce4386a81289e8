import type { IncomingMessage } from 'node:http';

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
  // Browsers say where a request comes from even when they send no Origin (a cross-site <img>,
  // a same-site page on another port): only our own pages and typed-in URLs may come in.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `A request from another site (${site}) is not allowed`;
  return null;
}
