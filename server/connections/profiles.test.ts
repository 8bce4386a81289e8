import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackendEvent } from '../../shared/contract';
import { createBackend, type Backend } from '../backend';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { closedPort, useAwsHome, writeAwsHome, type AwsHome } from './testSupport';

let dynamo: LocalDynamo;
let home: AwsHome;
let restoreEnv: () => void;
let dataDir: string;
let backend: Backend;
const events: BackendEvent[] = [];

async function call<T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok)
    throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as T;
}

type Result = { status: string; code?: string; message?: string; fix?: string; tables?: string[] };
const test_ = async (input: unknown) =>
  (await call<{ result: Result }>('connections:test', input)).result;

beforeAll(async () => {
  dynamo = await startDynalite();
  const c = localClient(dynamo.endpoint);
  await c.send(
    new CreateTableCommand({
      TableName: 'Widgets',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  c.destroy();
  home = await writeAwsHome(dynamo.endpoint);
  // STS cannot be reached offline; a refused port makes the assume-role call fail at once.
  restoreEnv = useAwsHome(home, { AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${await closedPort()}` });
  dataDir = await mkdtemp(join(tmpdir(), 'dynostage-conn-'));
  backend = await createBackend({ dataDir, seedSandbox: false });
  backend.onEvent((e) => events.push(e));
});

afterAll(async () => {
  await backend.close();
  await dynamo.close();
  restoreEnv();
  await rm(dataDir, { recursive: true, force: true });
  await rm(home.dir, { recursive: true, force: true });
});

describe('profiles from the shared files', () => {
  test('lists every profile with its region and kind, beside the sandbox', async () => {
    const { connections, profiles } = await call<{
      connections: { id: string; kind: string; region: string; endpoint?: string; auth?: string }[];
      profiles: { name: string; region?: string; auth: string; mfa: boolean }[];
    }>('connections:list', {});
    expect(connections[0]).toMatchObject({ id: 'sandbox', kind: 'sandbox', source: 'builtin' });
    expect(profiles.map((p) => [p.name, p.auth, p.mfa])).toEqual([
      ['local-static', 'static', false],
      ['mfa-role', 'assumeRole', true],
      ['proc', 'process', false],
      ['role-on-sso', 'assumeRole', false],
      ['sso-dev', 'sso', false],
      ['sso-legacy', 'sso', false],
    ]);
    expect(connections.find((c) => c.id === 'profile:local-static')).toMatchObject({
      kind: 'profile',
      region: 'eu-west-1',
      endpoint: dynamo.endpoint,
      auth: 'static',
    });
    const { configFile, credentialsFile } = await call<{
      configFile: string;
      credentialsFile: string;
    }>('connections:profiles', {});
    expect([configFile, credentialsFile]).toEqual([home.configFile, home.credentialsFile]);
  });

  test('a static-keys profile with endpoint_url reaches its endpoint: test and tables:list', async () => {
    const result = await test_({ connectionId: 'profile:local-static' });
    expect(result).toMatchObject({
      status: 'ok',
      region: 'eu-west-1',
      endpoint: dynamo.endpoint,
      tables: ['Widgets'],
    });
    expect(await call('tables:list', { connectionId: 'profile:local-static' })).toEqual({
      tables: ['Widgets'],
    });
  });

  test('a credential_process profile supplies the keys of a saved endpoint connection', async () => {
    const { connection } = await call<{
      connection: { id: string; profile: string; auth: string };
    }>('connections:save', {
      kind: 'endpoint',
      name: 'Local with proc keys',
      endpoint: dynamo.endpoint,
      profile: 'proc',
      confirmCredentialsTo: dynamo.endpoint,
    });
    expect(connection).toMatchObject({
      profile: 'proc',
      auth: 'process',
      region: 'ap-southeast-2',
    });
    expect(await test_({ connectionId: connection.id })).toMatchObject({
      status: 'ok',
      tables: ['Widgets'],
    });
    expect(await readFile(home.processLog, 'utf8')).toContain('ran');
  });

  test('an SSO profile without a cached token is SsoLoginRequired, naming `aws sso login --profile`', async () => {
    const result = await test_({ connectionId: 'profile:sso-dev' });
    expect(result).toMatchObject({
      status: 'failed',
      code: 'SsoLoginRequired',
      fix: 'aws sso login --profile sso-dev',
    });
    expect(result.message).toContain('`aws sso login --profile sso-dev`');
    // The same error reaches every other channel through the cached client.
    const registry = backend.services.connections;
    await expect(
      registry.client('profile:sso-dev').then((c) => c.config.credentials()),
    ).rejects.toMatchObject({
      name: 'SsoLoginRequired',
    });
  });

  test('an expired legacy SSO token, and a role sourced from SSO, name the profile to log in with', async () => {
    const { createHash } = await import('node:crypto');
    const file = createHash('sha1').update('https://legacy.awsapps.com/start').digest('hex');
    await writeFile(
      join(home.dir, '.aws', 'sso', 'cache', `${file}.json`),
      JSON.stringify({
        accessToken: 'x',
        expiresAt: '2020-01-01T00:00:00Z',
        region: 'us-east-1',
        startUrl: 'https://legacy.awsapps.com/start',
      }),
    );
    expect(await test_({ connectionId: 'profile:sso-legacy' })).toMatchObject({
      code: 'SsoLoginRequired',
      fix: 'aws sso login --profile sso-legacy',
    });
    expect(await test_({ connectionId: 'profile:role-on-sso' })).toMatchObject({
      code: 'SsoLoginRequired',
      fix: 'aws sso login --profile sso-dev',
    });
  });
});

describe('MFA', () => {
  test('an assume-role profile with mfa_serial prompts, takes the answer, and reports the STS failure', async () => {
    events.length = 0;
    const answered: unknown[] = [];
    const stop = backend.onEvent((e) => {
      if (e.type === 'connections:mfaPrompt') {
        void call('connections:mfaAnswer', { promptId: e.promptId, code: '123456' }).then((v) =>
          answered.push(v),
        );
      }
    });
    const started = Date.now();
    const result = await test_({ connectionId: 'profile:mfa-role' });
    stop();
    const prompt = events.find((e) => e.type === 'connections:mfaPrompt');
    expect(prompt).toMatchObject({
      connectionId: 'profile:mfa-role',
      profile: 'mfa-role',
      serialNumber: 'arn:aws:iam::111122223333:mfa/tester',
    });
    expect(answered).toEqual([{ accepted: true }]);
    expect(events).toContainEqual({
      type: 'connections:mfaSettled',
      promptId: (prompt as { promptId: string }).promptId,
      outcome: 'answered',
    });
    expect(result.status).toBe('failed');
    expect(result.code).toBe('CredentialsProviderError');
    expect(result.message).toMatch(
      /Could not get credentials for profile "mfa-role": .*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('a canceled prompt fails the test with MfaCanceled; a late answer is not accepted', async () => {
    let promptId = '';
    const stop = backend.onEvent((e) => {
      if (e.type === 'connections:mfaPrompt') {
        promptId = e.promptId;
        void call('connections:mfaAnswer', { promptId, cancel: true });
      }
    });
    // A fresh connection, so no credentials are cached from the previous test.
    const { connection } = await call<{ connection: { id: string } }>('connections:save', {
      kind: 'profile',
      name: 'Admin via MFA',
      profile: 'mfa-role',
    });
    const result = await test_({ connectionId: connection.id });
    stop();
    expect(result).toMatchObject({ status: 'failed', code: 'MfaCanceled' });
    expect(await call('connections:mfaAnswer', { promptId, code: '654321' })).toEqual({
      accepted: false,
    });
  });

  test('a malformed code is refused, naming the field', async () => {
    const { envelope } = await backend.call('connections:mfaAnswer', {
      promptId: 'x',
      code: '12ab',
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BadInput' } });
    expect(!envelope.ok && envelope.error.message).toContain('code: the MFA code is 6 digits');
  });
});
