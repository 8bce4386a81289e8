/**
 * The app's page for an authenticated load, streamed: the build's index.html up to its root
 * element and the shell's top go out at once (the browser fetches the styles and the app's script
 * meanwhile), then the table list when the early listing answers, waiting at most `waitMs` for it
 * (else "Loading…", and the app's own call takes the listing when it comes), then the rest.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import type { EarlyTables } from './earlyList';
import { shellEnd, shellStart } from './pageList';

const ROOT = '<div id="root"></div>';

/** Serves index.html with the table list in it; false when the build has no such page (serve it as a file). */
export async function servePage(
  staticDir: string,
  url: URL,
  res: ServerResponse,
  listing: (waitMs: number) => Promise<EarlyTables | undefined>,
  waitMs: number,
): Promise<boolean> {
  const html = await readFile(join(staticDir, 'index.html'), 'utf8').catch(() => null);
  const at = html?.indexOf(ROOT) ?? -1;
  if (!html || at < 0) return false;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.write(html.slice(0, at) + '<div id="root">' + shellStart());
  const tables = await listing(waitMs).catch(() => undefined);
  const connection = url.searchParams.get('connection');
  const table = url.searchParams.get('table') ?? undefined;
  const selected = tables && connection === tables.connectionId ? table : undefined;
  res.end(shellEnd(tables, selected) + '</div>' + html.slice(at + ROOT.length));
  return true;
}
