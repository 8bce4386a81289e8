import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeId } from '../../shared/changes/types';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import { startHost } from '../../test-support/servers/webHost';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const dataDir = mkdtempSync(join(tmpdir(), 'dynostage-resume-'));
let db: LocalDynamo;
let proxy: FaultProxy;

async function api(origin: string, token: string, channel: string, body: unknown) {
  const res = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; value?: any; error?: { message: string } };
  if (!json.ok) throw new Error(json.error?.message);
  return json.value;
}

beforeAll(async () => {
  db = await startDynalite();
  await localClient(db.endpoint).send(
    new CreateTableCommand({
      TableName: 'Events',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // Slow enough that the kill lands in the middle of the commit.
  proxy = await startFaultProxy(db.endpoint, { latencyMs: 150, unprocessedFraction: 0.3 }, 3);
});
afterAll(async () => {
  await proxy.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('kill the host mid-commit, restart, resume: everything is written', async () => {
  const host = await startHost({ dataDir, seed: false });
  const { connection } = await api(host.origin, host.token, 'connections:save', { kind: 'endpoint', name: 'proxy', region: 'us-east-1', endpoint: proxy.endpoint });
  const schema = { partitionKey: { name: 'id', type: 'S' as const } };
  const total = 4000;
  const entries = Array.from({ length: total }, (_, i) => {
    const key = { id: { S: `e-${String(i).padStart(5, '0')}` } };
    const change = { kind: 'put', connectionId: connection.id, table: 'Events', key, item: { ...key, i: { N: String(i) }, big: { N: '1.' + '0'.repeat(36) + '1' } } };
    return { id: changeId(connection.id, 'Events', key, schema), connectionId: connection.id, table: 'Events', change };
  });
  await api(host.origin, host.token, 'staging:apply', { entries });
  let commitError = '';
  const commit = api(host.origin, host.token, 'commit:start', await reviewedStart((c, i) => api(host.origin, host.token, c, i), { connectionId: connection.id, commitId: 'kill-test', options: { driftCheck: false, concurrency: 1 } })).catch((e: Error) => {
    commitError = e.message;
    return null;
  });
  // Wait until part of it is written, then kill the host without warning.
  const client = localClient(db.endpoint);
  for (let i = 0; i < 1500; i++) {
    const { Count } = await client.send(new ScanCommand({ TableName: 'Events', Select: 'COUNT' }));
    if ((Count ?? 0) > 50) break;
    if (commitError) throw new Error(`commit failed before the kill: ${commitError}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const exited = new Promise((r) => host.process.once('exit', r));
  host.process.kill('SIGKILL');
  await exited;
  expect(await commit).toBeNull();
  const partial = (await client.send(new ScanCommand({ TableName: 'Events', Select: 'COUNT' }))).Count ?? 0;
  expect(partial).toBeLessThan(total);

  const again = await startHost({ dataDir, seed: false });
  const { commits } = await api(again.origin, again.token, 'commit:pending', {});
  expect(commits).toHaveLength(1);
  expect(commits[0]).toMatchObject({ commitId: 'kill-test', connectionId: connection.id, total });
  expect(commits[0].pending).toBeGreaterThan(0);
  proxy.setConfig({ latencyMs: 0 });
  const report = await api(again.origin, again.token, 'commit:resume', { commitId: 'kill-test' });
  expect(report.counters.failed).toBe(0);
  expect(report.resent.length).toBe(commits[0].pending);
  const final = (await client.send(new ScanCommand({ TableName: 'Events', Select: 'COUNT', ConsistentRead: true }))).Count;
  expect(final).toBe(total);
  // Everything written, so nothing is staged and nothing is left to resume.
  expect((await api(again.origin, again.token, 'staging:load', {})).entries).toEqual([]);
  expect((await api(again.origin, again.token, 'commit:pending', {})).commits).toEqual([]);
  await again.stop();
});
