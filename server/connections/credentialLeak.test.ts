/**
 * A credential_process that fails with a secret on its command line and on stderr: neither reaches
 * the web API's answers nor any file the backend writes (staging files, journals).
 */
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeId } from '../../shared/changes/types';
import { createBackend, type Backend } from '../backend';
import { settleEntries } from '../commitService/settle';
import { CREDENTIALS_NOT_SAVED, reasonForDisk } from './errors';
import { startWebHost, type WebHost } from '../../webhost/server';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const ARG_SECRET = 'ARGSECRET-api-key-0451';
const STDERR_SECRET = 'STDERRSECRET-token-0452';
let dir: string;
let backend: Backend;
let host: WebHost;
const saved: Record<string, string | undefined> = {};

async function post(channel: string, body: unknown): Promise<{ text: string; json: any }> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { text, json: JSON.parse(text) };
}

async function filesUnder(root: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true })) {
    const p = join(root, e.name);
    if (p === skip) continue;
    if (e.isDirectory()) out.push(...(await filesUnder(p, skip)));
    else out.push(p);
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-leak-'));
  const script = join(dir, 'creds.sh');
  await writeFile(script, `#!/bin/sh\necho "refused: token=${STDERR_SECRET}" >&2\nexit 7\n`);
  await chmod(script, 0o700);
  await writeFile(
    join(dir, 'config'),
    `[profile leaky]\nregion = us-east-1\ncredential_process = sh ${script} --api-key=${ARG_SECRET}\n`,
  );
  await writeFile(join(dir, 'credentials'), '');
  for (const k of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'HOME', 'AWS_PROFILE']) saved[k] = process.env[k];
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.HOME = dir;
  delete process.env.AWS_PROFILE;
  backend = await createBackend({ dataDir: join(dir, 'data'), seedSandbox: true });
  host = await startWebHost({ backend, port: 0, staticDir: join(dir, 'no-build') });
});
afterAll(async () => {
  await host.close();
  await backend.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(dir, { recursive: true, force: true });
});

const leaks = (text: string) => [ARG_SECRET, STDERR_SECRET, 'creds.sh', 'Command failed'].filter((s) => text.includes(s));

test('a failing credential_process is reported by profile and exit status only, and never saved', async () => {
  const endpoint = backend.services.sandbox.status().endpoint!;
  const conn = await post('connections:save', {
    kind: 'endpoint',
    name: 'Sandbox with leaky profile',
    endpoint,
    profile: 'leaky',
    confirmCredentialsTo: endpoint,
  });
  expect(conn.json.ok).toBe(true);
  const connectionId = conn.json.value.connection.id as string;

  const tested = await post('connections:test', { connectionId });
  expect(tested.json.value.result).toMatchObject({ status: 'failed', code: 'CredentialsProviderError' });
  expect(tested.json.value.result.message).toContain('credential_process for profile "leaky" failed (exit 7)');
  expect(leaks(tested.text)).toEqual([]);

  const key = { ticketId: { S: 'leak-1' } };
  const id = changeId(connectionId, 'SupportTickets', key, { partitionKey: { name: 'ticketId', type: 'S' } });
  const change = { kind: 'put', connectionId, table: 'SupportTickets', key, item: { ...key, v: { S: 'x' } } };
  expect((await post('staging:apply', { entries: [{ id, connectionId, table: 'SupportTickets', change }] })).json.ok).toBe(true);
  const commit = await post('commit:start', await reviewedStart(async (c, i) => (await post(c, i)).json.value, { connectionId, options: { maxRounds: 2, backoffBaseMs: 1, backoffCapMs: 5 } }));
  expect(commit.text).toContain('credential_process for profile \\"leaky\\" failed (exit 7)');
  expect(leaks(commit.text)).toEqual([]);

  const loaded = await post('staging:load', {});
  expect(loaded.json.value.entries).toHaveLength(1); // still staged
  expect(leaks(loaded.text)).toEqual([]);
  const data = join(dir, 'data');
  const files = await filesUnder(data, join(data, 'sandbox'));
  expect(files.some((f) => f.includes('staging'))).toBe(true);
  for (const f of files) expect(leaks(await readFile(f, 'utf8')), f).toEqual([]);
});

test('a change failed by a credential error keeps the fact, never the message, in its staging entry', () => {
  const change = { kind: 'put' as const, connectionId: 'c', table: 'T', key: { id: { S: '1' } }, item: { id: { S: '1' } } };
  const snapshot = new Map([['k', change]]);
  const reason = `CredentialsProviderError: Could not get credentials for profile "p": token=${STDERR_SECRET}`;
  const [entry] = settleEntries(snapshot, snapshot, { k: { status: 'failed', reason } as never });
  expect(entry?.change?.error).toBe(CREDENTIALS_NOT_SAVED);
  expect(reasonForDisk('SsoLoginRequired: The AWS SSO session for profile "p" has expired')).toBe(CREDENTIALS_NOT_SAVED);
  expect(reasonForDisk('ValidationException: item too large')).toBe('ValidationException: item too large');
});

test('a source_profile chain that fails in the SDK keeps neither its command line nor its output', async () => {
  const { credentialError } = await import('./errors');
  const sdk = Object.assign(new Error(`Command failed: sh creds.sh --api-key=${ARG_SECRET}\nrefused: token=${STDERR_SECRET}`), { name: 'CredentialsProviderError' });
  const mapped = credentialError(sdk, 'chained', 'chained');
  expect(mapped.name).toBe('CredentialsProviderError');
  expect(mapped.message).toBe('credential_process for profile "chained" failed (exit status unknown). Run it in a terminal to see why.');
  expect((mapped as { cause?: unknown }).cause).toBeUndefined();
});
