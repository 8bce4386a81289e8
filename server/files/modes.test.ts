/** Every write path leaves private files (0600) in private folders (0700), whatever the umask. */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend';
import { JournalWriter } from '../commitEngine/journal';
import { JournalFolder } from '../commitService/journals';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { ensurePrivateDir, writeFileAtomic } from './atomicWrite';

const mode = async (p: string) => ((await stat(p)).mode & 0o777).toString(8);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-modes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates 0600 files in 0700 folders, and makes a replaced 0644 file 0600', async () => {
    const file = join(dir, 'a', 'b', 'f.json');
    await writeFileAtomic(file, '{"v":1}');
    expect(await mode(file)).toBe('600');
    expect(await mode(join(dir, 'a', 'b'))).toBe('700');
    expect(await mode(join(dir, 'a'))).toBe('700');
    const old = join(dir, 'old.json');
    await writeFile(old, 'old', { mode: 0o644 });
    await chmod(old, 0o644);
    await writeFileAtomic(old, 'new');
    expect(await mode(old)).toBe('600');
    expect(await readFile(old, 'utf8')).toBe('new');
  });

  it('a failed write keeps the old content and leaves no temp file', async () => {
    const target = join(dir, 'keep');
    await mkdir(target); // a folder in the way: the rename fails
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('ensurePrivateDir tightens an existing 0755 folder', async () => {
    const d = join(dir, 'wide');
    await mkdir(d, { mode: 0o755 });
    await chmod(d, 0o755);
    await ensurePrivateDir(d);
    expect(await mode(d)).toBe('700');
  });
});

describe('the backend and CLI write paths', () => {
  let data: string;
  let backend: Backend;
  let db: LocalDynamo;
  beforeAll(async () => {
    data = join(dir, 'data');
    await mkdir(data, { mode: 0o755 });
    await chmod(data, 0o755);
    backend = await createBackend({ dataDir: data, seedSandbox: false });
    db = await startDynalite();
  });
  afterAll(async () => {
    await backend.close();
    await db.close();
  });

  it('data folder, sandbox store folder, staging files and saved connections are private', async () => {
    expect(await mode(data)).toBe('700');
    expect(await mode(join(data, 'sandbox'))).toBe('700');
    const put = { kind: 'put', connectionId: 'sandbox', table: 'Orders', key: { id: { S: '1' } }, item: { id: { S: '1' } } };
    const r = await backend.call('staging:apply', {
      entries: [{ id: 'k1', connectionId: 'sandbox', table: 'Orders', change: put }],
    });
    expect(r.envelope.ok).toBe(true);
    expect(await mode(join(data, 'staging'))).toBe('700');
    expect(await mode(join(data, 'staging', 'sandbox'))).toBe('700');
    expect(await mode(join(data, 'staging', 'sandbox', 'Orders.json'))).toBe('600');
    const saved = await backend.call('connections:save', { kind: 'endpoint', name: 'Local', endpoint: db.endpoint });
    expect(saved.envelope.ok).toBe(true);
    expect(await mode(join(data, 'connections.json'))).toBe('600');
  });

  it('journals and their sidecars are 0600 in a 0700 folder', async () => {
    const folder = new JournalFolder(join(data, 'commits'));
    const path = await folder.begin('c1', 'sandbox');
    const w = await JournalWriter.create(path, {
      journal: 'dynostage-commit',
      version: 1,
      createdAt: new Date().toISOString(),
      keySchemas: {},
      ops: [],
    });
    await w.close();
    expect(await mode(join(data, 'commits'))).toBe('700');
    expect(await mode(path)).toBe('600');
    expect(await mode(join(data, 'commits', 'c1.meta.json'))).toBe('600');
  });

  it('dynostage plan --out writes 0600 files into a new 0700 folder', async () => {
    await localClient(db.endpoint).send(
      new CreateTableCommand({
        TableName: 'Modes',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const changes = join(dir, 'changes.jsonl');
    await writeFile(changes, '{"table":"Modes","put":{"id":{"S":"u1"}}}\n');
    const out = join(dir, 'plan-out');
    const code = await new Promise<number | null>((done) => {
      const child = spawn(
        process.execPath,
        [resolve(__dirname, '../../bin/dynostage.cjs'), 'plan', changes, '--endpoint', db.endpoint, '--out', out],
        { env: { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'us-east-1' }, stdio: 'ignore' },
      );
      child.on('close', done);
    });
    expect(code).toBe(0);
    expect(await mode(out)).toBe('700');
    const files = await readdir(out);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await mode(join(out, f))).toBe('600');
  });
});
