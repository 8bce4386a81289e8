/**
 * A credential_process that starts failing mid-commit (issue 11 points 6 and "What must be true"):
 * the commit pauses with a reason that says what to do, nothing unwritten is lost (still staged,
 * in the journal), and once the process works again Resume finishes it.
 */
import { BatchWriteItemCommand, CreateTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import { changeId, type StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { itemsEquivalent } from '../commitEngine/equivalent';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'HOME', 'AWS_PROFILE'];
const saved: Record<string, string | undefined> = {};
let dir: string;
let flag: string;
let db: LocalDynamo;
let proxy: FaultProxy;
let backend: Backend;

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function scan(): Promise<Map<string, Item>> {
  const client = localClient(db.endpoint);
  const out = new Map<string, Item>();
  const page = await client.send(new ScanCommand({ TableName: 'Events', ConsistentRead: true }));
  for (const raw of page.Items ?? []) {
    const item = fromSdkItem(raw);
    out.set(JSON.stringify(item.id), item);
  }
  client.destroy();
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-credpause-'));
  flag = join(dir, 'broken');
  const script = join(dir, 'creds.sh');
  // Credentials that expire within the SDK's refresh window: the process runs again for every call.
  await writeFile(
    script,
    [
      '#!/bin/sh',
      `if [ -f '${flag}' ]; then echo 'the token service is down' >&2; exit 3; fi`,
      'exp=$(date -u -d "+60 seconds" +%Y-%m-%dT%H:%M:%SZ)',
      'printf \'{"Version":1,"AccessKeyId":"local","SecretAccessKey":"local","SessionToken":"t","Expiration":"%s"}\' "$exp"',
      '',
    ].join('\n'),
  );
  await chmod(script, 0o700);
  await writeFile(join(dir, 'config'), `[profile flaky]\nregion = us-east-1\ncredential_process = sh ${script}\n`);
  await writeFile(join(dir, 'credentials'), '');
  for (const k of ENV) saved[k] = process.env[k];
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.HOME = dir;
  delete process.env.AWS_PROFILE;
  db = await startDynalite();
  const direct = localClient(db.endpoint);
  await direct.send(
    new CreateTableCommand({
      TableName: 'Events',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // 50 items already there: updated by guarded single-item writes.
  for (let i = 0; i < 50; i += 25) {
    const puts = Array.from({ length: 25 }, (_, j) => ({
      PutRequest: { Item: toSdkItem({ id: { S: `old-${i + j}` }, n: { N: '0' } }) },
    }));
    await direct.send(new BatchWriteItemCommand({ RequestItems: { Events: puts } }));
  }
  direct.destroy();
  proxy = await startFaultProxy(db.endpoint, { latencyMs: 20 }, 5);
  backend = await createBackend({ dataDir: join(dir, 'data'), seedSandbox: false });
});
afterAll(async () => {
  await backend.close();
  await proxy.close();
  await db.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(dir, { recursive: true, force: true });
});

test('credential_process fails mid-commit: paused with what to do, nothing lost, Resume finishes it', async () => {
  const { connection } = await call('connections:save', {
    kind: 'endpoint',
    name: 'flaky credentials',
    endpoint: proxy.endpoint,
    profile: 'flaky',
    confirmCredentialsTo: proxy.endpoint,
  });
  const connectionId = connection.id as string;
  const entry = (change: StagedChange): StagingEntry => ({
    id: changeId(connectionId, 'Events', change.key, schema),
    connectionId,
    table: 'Events',
    change,
  });
  const entries: StagingEntry[] = [];
  for (let i = 0; i < 500; i++) {
    const key = { id: { S: `new-${i}` } };
    entries.push(entry({ kind: 'put', connectionId, table: 'Events', key, item: { ...key, i: { N: String(i) } } }));
  }
  for (let i = 0; i < 50; i++) {
    const key = { id: { S: `old-${i}` } };
    const original = { ...key, n: { N: '0' } };
    entries.push(entry({ kind: 'update', connectionId, table: 'Events', key, original, item: { ...original, n: { N: '1' } } }));
  }
  await call('staging:apply', { entries });
  // After the third batch reaches the table, the credential_process starts failing.
  let batches = 0;
  proxy.onBatchWrite = () => {
    if (++batches === 3) writeFileSync(flag, 'x');
  };
  const report = await call('commit:start', await reviewedStart(call, { connectionId, commitId: 'cred-pause', options: { concurrency: 2 } }));
  proxy.onBatchWrite = null;

  expect(report.status).toBe('paused');
  expect(report.pauseReason).toMatch(/credential_process for profile "flaky" failed \(exit 3\)/);
  // What to do names the connection's own profile.
  expect(report.pauseReason).toMatch(
    /\. Fix the credential_process of profile "flaky" \(run it in a terminal to see why\), then Resume\.$/,
  );
  expect(report.counters.failed).toBe(0);
  const written = Object.entries(report.outcomes as Record<string, { status: string }>)
    .filter(([, o]) => o.status === 'written')
    .map(([id]) => id);
  expect(written.length).toBeGreaterThan(0);
  expect(written.length).toBeLessThan(entries.length);
  // Nothing unwritten is lost: each change is on the server or still staged, and in the journal.
  const staged = new Set(((await call('staging:load', {})).entries as StagingEntry[]).map((e) => e.id));
  for (const e of entries) expect(written.includes(e.id) !== staged.has(e.id), e.id).toBe(true);
  const { commits } = await call('commit:pending', {});
  expect(commits).toHaveLength(1);
  expect(commits[0]).toMatchObject({ commitId: 'cred-pause', total: entries.length, pending: entries.length - written.length });

  // Fixed: Resume goes on from the journal and finishes.
  await rm(flag);
  const resumed = await call('commit:resume', { commitId: 'cred-pause' });
  expect(resumed.status).toBe('done');
  expect(resumed.counters.failed).toBe(0);
  const server = await scan();
  expect(server.size).toBe(550);
  for (const e of entries) {
    const change = e.change as StagedChange;
    const want = change.kind === 'delete' ? null : change.item;
    const got = server.get(JSON.stringify(change.key.id)) ?? null;
    expect(got !== null && want !== null && itemsEquivalent(got, want), e.id).toBe(true);
  }
  expect((await call('staging:load', {})).entries).toEqual([]);
  expect((await call('commit:pending', {})).commits).toEqual([]);
});
