import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { channelNames } from '../../shared/contract';
import { createBackend, type Backend } from '../backend';
import { startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { closedPort, SECRETS, useAwsHome, walk, writeAwsHome, type AwsHome } from './testSupport';

let dynamo: LocalDynamo;
let home: AwsHome;
let restore: () => void;
let dataDir: string;
let backend: Backend;

beforeAll(async () => {
  dynamo = await startDynalite();
  home = await writeAwsHome(dynamo.endpoint);
  restore = useAwsHome(home, { AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${await closedPort()}` });
  dataDir = await mkdtemp(join(tmpdir(), 'dynostage-secrets-'));
  backend = await createBackend({ dataDir, seedSandbox: false });
});
afterAll(async () => {
  await backend.close();
  await dynamo.close();
  restore();
  await rm(home.dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const SECRET_KEY_NAME = /secret|passw|token|access_?key|credential|session_?key/i;
// Field names that match the pattern but hold no secret: the path of the shared credentials file.
const NOT_SECRET = new Set(['credentialsFile']);

test('no connections:* output or event carries a secret-looking field or a test profile secret', async () => {
  const seen: { channel: string; value: unknown }[] = [];
  backend.onEvent((e) => {
    seen.push({ channel: `event ${e.type}`, value: e });
    if (e.type === 'connections:mfaPrompt')
      void run('connections:mfaAnswer', { promptId: e.promptId, code: '123456' });
  });
  async function run(channel: string, input: unknown): Promise<unknown> {
    const { envelope } = await backend.call(channel, input);
    seen.push({ channel, value: envelope });
    return envelope.ok ? envelope.value : undefined;
  }

  await run('connections:list', {});
  await run('connections:profiles', {});
  const saved = (await run('connections:save', {
    kind: 'endpoint',
    name: 'proc keys',
    endpoint: dynamo.endpoint,
    profile: 'proc',
    confirmCredentialsTo: dynamo.endpoint,
  })) as { connection: { id: string } };
  await run('connections:save', { kind: 'profile', name: 'static', profile: 'local-static' });
  for (const connectionId of [
    'profile:local-static',
    'profile:proc',
    'profile:sso-dev',
    'profile:mfa-role',
    saved.connection.id,
  ]) {
    await run('connections:test', { connectionId });
  }
  await run('connections:test', { draft: { kind: 'profile', name: 'd', profile: 'local-static' } });
  await run('connections:mfaAnswer', { promptId: 'gone', cancel: true });
  await run('connections:list', {});
  await run('connections:remove', { id: saved.connection.id });

  // Every channel of the namespace was exercised, and the MFA prompt round trip happened.
  const called = new Set(seen.map((s) => s.channel));
  for (const c of channelNames.filter((n) => n.startsWith('connections:')))
    expect(called, c).toContain(c);
  expect(called).toContain('event connections:mfaPrompt');

  const secrets = Object.values(SECRETS);
  const problems: string[] = [];
  for (const { channel, value } of seen) {
    walk(value, (key, v) => {
      if (key !== undefined && SECRET_KEY_NAME.test(key) && !NOT_SECRET.has(key))
        problems.push(`${channel}: field "${key}"`);
      if (typeof v === 'string' && secrets.some((s) => v.includes(s)))
        problems.push(`${channel}: value of "${key}"`);
    });
  }
  expect(problems).toEqual([]);
  // The saved connections file holds settings only.
  await run('connections:save', {
    kind: 'endpoint',
    name: 'kept',
    endpoint: dynamo.endpoint,
    profile: 'local-static',
    confirmCredentialsTo: dynamo.endpoint,
  });
  const file = await readFile(join(dataDir, 'connections.json'), 'utf8');
  for (const secret of secrets) expect(file).not.toContain(secret);
  expect(file).not.toMatch(SECRET_KEY_NAME);
});
