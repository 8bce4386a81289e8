/**
 * Who may call the web host. The printed URL carries a launch token that works once: opening it
 * sets an HttpOnly, SameSite=Strict session cookie and redirects to the same page without the
 * token, so the URL left in the browser's history opens nothing. Scripts use the API token
 * (printed beside the URL) as `Authorization: Bearer`. Launch tokens are `<nonce>.<mac>`, the
 * mac an HMAC of the nonce under the API token: whoever holds the API token can make more
 * (the e2e fixture does), and each nonce is accepted once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A launch token for `apiToken`: a fresh nonce and its mac. */
export function mintLaunchToken(
  apiToken: string,
  nonce = randomBytes(12).toString('base64url'),
): string {
  const mac = createHmac('sha256', apiToken).update(`launch:${nonce}`).digest('base64url');
  return `${nonce}.${mac}`;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** The web host's tokens and sessions; one per host. */
export class WebSessions {
  readonly apiToken: string;
  readonly cookieName: string;
  private readonly usedNonces = new Set<string>();
  private readonly sessions = new Set<string>();

  constructor(port: number, apiToken?: string) {
    this.apiToken = apiToken ?? randomBytes(24).toString('base64url');
    // Cookies are shared by every port of a host: the name keeps two hosts' sessions apart.
    this.cookieName = `dynostage_session_${port}`;
  }

  /** A new single-use launch URL for this host. */
  launchUrl(origin: string): string {
    return `${origin}/?token=${mintLaunchToken(this.apiToken)}`;
  }

  /**
   * Redeems a launch token: a Set-Cookie value for a new session, or null when the token is
   * malformed, forged or already used.
   */
  redeem(token: string): string | null {
    const [nonce, mac, extra] = token.split('.');
    if (!nonce || !mac || extra !== undefined) return null;
    if (!sameText(mintLaunchToken(this.apiToken, nonce), token)) return null;
    if (this.usedNonces.has(nonce)) return null;
    this.usedNonces.add(nonce);
    const session = randomBytes(32).toString('base64url');
    this.sessions.add(session);
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /**
   * Whether the request may use the API: the API token as Bearer (or X-DynoStage-Token), or a
   * session cookie; `?token=` (API token or session) only when `queryAllowed` (the event stream,
   * which EventSource cannot give headers).
   */
  allows(req: IncomingMessage, url: URL, queryAllowed: boolean): boolean {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && sameText(auth.slice(7).trim(), this.apiToken)) return true;
    const header = req.headers['x-dynostage-token'];
    if (typeof header === 'string' && sameText(header, this.apiToken)) return true;
    const cookie = cookieValue(req, this.cookieName);
    if (cookie && this.sessions.has(cookie)) return true;
    if (!queryAllowed) return false;
    const q = url.searchParams.get('token');
    return q !== null && (sameText(q, this.apiToken) || this.sessions.has(q));
  }
}
