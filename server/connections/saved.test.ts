import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Envelope } from '../../shared/contract';
import { createBackend } from '../backend';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { useAwsHome, writeAwsHome, type AwsHome } from './testSupport';

let a: LocalDynamo;
let b: LocalDynamo;
let home: AwsHome;
let restoreEnv: () => void;
const dirs: string[] = [];

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dynostage-saved-'));
  dirs.push(dir);
  return dir;
}

async function value<T>(p: Promise<{ envelope: Envelope<unknown> }>): Promise<T> {
  const { envelope } = await p;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function dynaliteWith(table: string): Promise<LocalDynamo> {
  const d = await startDynalite();
  const c = localClient(d.endpoint);
  await c.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  c.destroy();
  return d;
}

beforeAll(async () => {
  [a, b] = await Promise.all([dynaliteWith('AlphaTable'), dynaliteWith('BetaTable')]);
  home = await writeAwsHome(a.endpoint);
  restoreEnv = useAwsHome(home);
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  restoreEnv();
  for (const d of [...dirs, home.dir]) await rm(d, { recursive: true, force: true });
});

describe('saved connections', () => {
  test('persist across backend restarts, in an atomically written JSON file', async () => {
    const dataDir = await newDataDir();
    const first = await createBackend({ dataDir, seedSandbox: false });
    const { connection } = await value<{ connection: { id: string } }>(
      first.call('connections:save', {
        kind: 'endpoint',
        name: 'DynamoDB Local',
        endpoint: `${a.endpoint}/`,
        region: 'local-1',
      }),
    );
    await first.close();
    expect((await readdir(dataDir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    const file = JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8')) as unknown;
    expect(file).toEqual({
      version: 1,
      connections: [
        {
          id: connection.id,
          name: 'DynamoDB Local',
          kind: 'endpoint',
          region: 'local-1',
          endpoint: `${a.endpoint}/`,
        },
      ],
    });

    const second = await createBackend({ dataDir, seedSandbox: false });
    const { connections } = await value<{ connections: { id: string; source: string }[] }>(
      second.call('connections:list', {}),
    );
    expect(connections.find((c) => c.id === connection.id)).toMatchObject({
      source: 'saved',
      kind: 'endpoint',
      region: 'local-1',
    });
    expect(await value(second.call('tables:list', { connectionId: connection.id }))).toEqual({
      tables: ['AlphaTable'],
    });
    await second.close();
  });

  test('an update rebuilds the client; remove drops the connection', async () => {
    const backend = await createBackend({ dataDir: await newDataDir(), seedSandbox: false });
    const { connection } = await value<{ connection: { id: string } }>(
      backend.call('connections:save', { kind: 'endpoint', name: 'Moving', endpoint: a.endpoint }),
    );
    const before = await backend.services.client(connection.id);
    expect(await value(backend.call('tables:list', { connectionId: connection.id }))).toEqual({
      tables: ['AlphaTable'],
    });
    await value(
      backend.call('connections:save', {
        id: connection.id,
        kind: 'endpoint',
        name: 'Moving',
        endpoint: b.endpoint,
      }),
    );
    expect(await backend.services.client(connection.id)).not.toBe(before);
    expect(await value(backend.call('tables:list', { connectionId: connection.id }))).toEqual({
      tables: ['BetaTable'],
    });

    expect(await value(backend.call('connections:remove', { id: connection.id }))).toEqual({
      removed: true,
    });
    expect(await value(backend.call('connections:remove', { id: connection.id }))).toEqual({
      removed: false,
    });
    const { envelope } = await backend.call('tables:list', { connectionId: connection.id });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    await backend.close();
  });

  test('a profile connection defaults to the profile region and may override it', async () => {
    const backend = await createBackend({ dataDir: await newDataDir(), seedSandbox: false });
    const plain = await value<{ connection: object }>(
      backend.call('connections:save', {
        kind: 'profile',
        name: 'Static',
        profile: 'local-static',
      }),
    );
    expect(plain.connection).toMatchObject({
      region: 'eu-west-1',
      endpoint: a.endpoint,
      profile: 'local-static',
    });
    const other = await value<{ connection: { id: string } }>(
      backend.call('connections:save', {
        kind: 'profile',
        name: 'Static (Frankfurt)',
        profile: 'local-static',
        region: 'eu-central-1',
      }),
    );
    expect(other.connection).toMatchObject({ region: 'eu-central-1' });
    const result = await value<{ result: object }>(
      backend.call('connections:test', { connectionId: other.connection.id }),
    );
    expect(result.result).toMatchObject({ status: 'ok', region: 'eu-central-1' });
    await backend.close();
  });

  test('refuses a bad endpoint URL, an unknown profile and a duplicate name, naming the field', async () => {
    const backend = await createBackend({ dataDir: await newDataDir(), seedSandbox: false });
    const refused = async (input: object) => {
      const { envelope } = await backend.call('connections:save', input);
      expect(envelope.ok).toBe(false);
      return !envelope.ok ? envelope.error : { code: '', message: '' };
    };
    for (const endpoint of [
      'localhost:8000',
      'ftp://localhost:8000',
      'http://user:pw@localhost:8000',
      'http://h:1/?x=1',
    ]) {
      const e = await refused({ kind: 'endpoint', name: 'Bad', endpoint });
      expect(e.code).toBe('BadInput');
      expect(e.message).toMatch(/^Invalid input for connections:save: endpoint: /);
    }
    expect(
      (await refused({ kind: 'endpoint', name: 'X', endpoint: a.endpoint, region: 'EU West' }))
        .message,
    ).toContain('region: ');
    expect((await refused({ kind: 'profile', name: 'X', profile: 'nope' })).message).toMatch(
      /^profile: no profile named "nope"/,
    );
    expect((await refused({ kind: 'profile', name: ' ', profile: 'proc' })).message).toContain(
      'name: give the connection a name',
    );
    await value(
      backend.call('connections:save', { kind: 'endpoint', name: 'Twice', endpoint: a.endpoint }),
    );
    expect(await refused({ kind: 'endpoint', name: 'twice', endpoint: b.endpoint })).toEqual({
      code: 'BadInput',
      message: 'name: a saved connection named "Twice" already exists',
    });
    expect(
      (await refused({ id: 'c-missing', kind: 'endpoint', name: 'Y', endpoint: a.endpoint })).code,
    ).toBe('NotFound');
    await backend.close();
  });

  test('a draft is tested without being saved; an unreachable endpoint reports where', async () => {
    const backend = await createBackend({ dataDir: await newDataDir(), seedSandbox: false });
    const ok = await value<{ result: object }>(
      backend.call('connections:test', {
        draft: { kind: 'endpoint', name: 'Draft', endpoint: b.endpoint },
      }),
    );
    expect(ok.result).toMatchObject({ status: 'ok', tables: ['BetaTable'], endpoint: b.endpoint });
    const down = await value<{ result: { code: string; message: string } }>(
      backend.call('connections:test', {
        draft: { kind: 'endpoint', name: 'Down', endpoint: 'http://127.0.0.1:9' },
      }),
    );
    expect(down.result).toMatchObject({ status: 'failed', code: 'ECONNREFUSED' });
    expect(down.result.message).toContain('Could not reach DynamoDB at http://127.0.0.1:9');
    const { connections } = await value<{ connections: unknown[] }>(
      backend.call('connections:list', {}),
    );
    expect(connections.filter((c) => (c as { source: string }).source === 'saved')).toEqual([]);
    await backend.close();
  });

  test('an unreadable connections file is moved aside, reported, and the app still starts', async () => {
    const dataDir = await newDataDir();
    await writeFile(join(dataDir, 'connections.json'), '{ not json');
    const backend = await createBackend({ dataDir, seedSandbox: false });
    const out = await value<{ notice?: string; connections: { id: string }[] }>(
      backend.call('connections:list', {}),
    );
    expect(out.notice).toMatch(/could not be read .* moved to .*connections\.json\.damaged-/);
    expect(out.connections[0]?.id).toBe('sandbox');
    expect((await readdir(dataDir)).some((f) => f.startsWith('connections.json.damaged-'))).toBe(
      true,
    );
    await backend.close();
  });
});
