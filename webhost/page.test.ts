import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../server/backend';
import { PRIMED_ID } from './pageList';
import { startWebHost, type WebHost } from './server';

let dir: string;
let backend: Backend;
let host: WebHost;
/** tables:list answers wait for this gate while it is closed. */
let gate: Promise<void> = Promise.resolve();
let listings = 0;
const pending: Promise<unknown>[] = [];
const gated: Backend['call'] = (channel, input) => {
  if (channel !== 'tables:list') return backend.call(channel, input);
  listings += 1;
  const answer = gate.then(() => backend.call(channel, input));
  pending.push(answer);
  return answer;
};

const INDEX = '<!doctype html><html><head><title>t</title></head><body><div id="root"></div><script type="module" src="/assets/a.js"></script></body></html>';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-page-'));
  backend = await createBackend({ dataDir: join(dir, 'data'), seedSandbox: true });
  await writeFile(join(dir, 'index.html'), INDEX);
  host = await startWebHost({ backend: { ...backend, call: gated }, port: 0, staticDir: dir, earlyListWaitMs: 200 });
});
afterAll(async () => {
  await Promise.all(pending);
  await host.close();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;
const listTables = () =>
  fetch(`${origin()}/api/tables:list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ connectionId: 'sandbox' }),
  }).then((r) => r.json());

/** Opens a launch URL: the session cookie. */
async function session(): Promise<string> {
  const launch = await fetch(host.launchUrl(), { redirect: 'manual' });
  return (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the page the web host serves', () => {
  test('an authenticated load has the last listed connection\'s tables in it, as links, and the data block', async () => {
    await listTables();
    const cookie = await session();
    const res = await fetch(`${origin()}/?connection=sandbox&table=OrgUsers`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    // Scripts only from the host's own files: the data block below is never run.
    expect(csp.split(';').map((d) => d.trim())).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const html = await res.text();
    expect(html).toContain(
      '<li><a class="table-item selected" aria-current="true" href="/?connection=sandbox&#38;table=OrgUsers">OrgUsers</a></li>',
    );
    expect(html).toContain('<li><a class="table-item" href="/?connection=sandbox&#38;table=SupportTickets">SupportTickets</a></li>');
    expect(html).toContain(`<script type="application/json" id="${PRIMED_ID}">{"connectionId":"sandbox","tables":["OrgUsers","SupportTickets","TicketArchive"]`);
    // The rest of the build's page follows the list.
    expect(html.indexOf('SupportTickets')).toBeLessThan(html.indexOf('/assets/a.js'));
  });

  test('a request without a session gets the page without any table', async () => {
    await listTables();
    const html = await (await fetch(`${origin()}/`)).text();
    expect(html).toBe(INDEX);
  });

  test('the page waits for the listing a bounded time; the app\'s own call then takes that listing', async () => {
    await listTables();
    let open = () => {};
    gate = new Promise<void>((r) => (open = r));
    const before = listings;
    const cookie = await session();
    const html = await (await fetch(`${origin()}/`, { headers: { cookie } })).text();
    expect(html).toContain('Loading…');
    expect(html).not.toContain('table-item');
    expect(html).not.toContain(PRIMED_ID);
    open();
    gate = Promise.resolve();
    const answer = (await listTables()) as { value: { tables: string[] } };
    expect(answer.value.tables).toContain('OrgUsers');
    // One listing for the page load, none more for the app's call.
    expect(listings).toBe(before + 1);
  });
});
