/**
 * The same staged changes committed through our backend to dynalite and to moto leave the same
 * tables behind (sets, 38-digit numbers, binary), and both stop on the same conflict.
 */
import { CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changeId, type StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import { normalizeNumber } from '../../shared/dynamo/number';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../../server/backend';
import { fromSdkItem, toSdkItem } from '../../server/sdk/convert';
import { MOTO_REGIONS, motoEndpoint } from './motoTest';
import { reviewedStart } from '../fixtures/reviewed';

const moto = motoEndpoint('agreeCommit.moto.test.ts');
const key: KeySchema = { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } };
const BIG = '12345678901234567890123456789012345678';

let dir: string;
let backend: Backend;
const servers: { name: string; connectionId: string; sdk: DynamoDBClient }[] = [];

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const entry = (change: StagedChange): StagingEntry => ({
  id: changeId(change.connectionId, change.table, change.key, key),
  connectionId: change.connectionId,
  table: change.table,
  change,
});

async function scan(sdk: DynamoDBClient, table: string): Promise<string[]> {
  const out = await sdk.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
  return (out.Items ?? []).map((i) => JSON.stringify(canon(fromSdkItem(i)))).sort();
}
function canon(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canon);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (k === 'N') out[k] = normalizeNumber(v as string);
    else if (k === 'NS') out[k] = (v as string[]).map((n) => normalizeNumber(n)).sort();
    else if (k === 'SS' || k === 'BS') out[k] = [...(v as string[])].sort();
    else out[k] = canon(v);
  }
  return out;
}

const base = (i: number): Item => ({
  pk: { S: `p${i % 3}` },
  sk: { N: i === 0 ? BIG : String(i) },
  tags: { SS: ['a', `t${i}`] },
  nums: { NS: [BIG, `-${i}.5`] },
  bin: { B: Buffer.from([i, 255, 0]).toString('base64') },
  bins: { BS: ['AAE=', Buffer.from([i + 1]).toString('base64')] },
  doc: { M: { list: { L: [{ N: '0.000000000000000000000000000000000001' }, { BOOL: true }, { NULL: true }] } } },
});

describe.skipIf(!moto)('dynalite and moto agree after our commits', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dynostage-agree-'));
    backend = await createBackend({ dataDir: dir, seedSandbox: false });
    servers.push({ name: 'dynalite', connectionId: 'sandbox', sdk: backend.services.sandbox.client() });
    const saved = await call('connections:save', { kind: 'endpoint', name: 'moto', region: MOTO_REGIONS.agreeCommit, endpoint: moto });
    servers.push({
      name: 'moto',
      connectionId: saved.connection.id,
      sdk: new DynamoDBClient({ endpoint: moto, region: MOTO_REGIONS.agreeCommit, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
    });
    for (const s of servers) {
      await s.sdk.send(
        new CreateTableCommand({
          TableName: 'Agree',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'N' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      for (let i = 0; i < 40; i++) await s.sdk.send(new PutItemCommand({ TableName: 'Agree', Item: toSdkItem(base(i)) }));
    }
  });
  afterAll(async () => {
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('puts, updates and deletes of typed items leave the same table on both servers', async () => {
    for (const s of servers) {
      const c = s.connectionId;
      const entries: StagingEntry[] = [];
      for (let i = 40; i < 70; i++) {
        const item = base(i);
        entries.push(entry({ kind: 'put', connectionId: c, table: 'Agree', key: { pk: item.pk!, sk: item.sk! }, item }));
      }
      for (let i = 0; i < 20; i++) {
        const original = base(i);
        const item: Item = { ...original, tags: { SS: ['a', 'b', 'é'] }, nums: { NS: ['1E-130', BIG] }, bin: { B: '' } };
        delete item.bins;
        entries.push(entry({ kind: 'update', connectionId: c, table: 'Agree', key: { pk: original.pk!, sk: original.sk! }, original, item }));
      }
      for (let i = 20; i < 30; i++) {
        const original = base(i);
        entries.push(entry({ kind: 'delete', connectionId: c, table: 'Agree', key: { pk: original.pk!, sk: original.sk! }, original }));
      }
      await call('staging:apply', { entries });
      const report = await call('commit:start', await reviewedStart(call, { connectionId: c }));
      expect(report.status, s.name).toBe('done');
      expect(report.counters.failed, s.name).toBe(0);
      expect(Object.values(report.outcomes).every((o: any) => o.status === 'written'), s.name).toBe(true);
    }
    const [a, b] = [await scan(servers[0]!.sdk, 'Agree'), await scan(servers[1]!.sdk, 'Agree')];
    expect(a).toHaveLength(60);
    expect(b).toEqual(a);
    expect(a.some((row) => row.includes(BIG) && row.includes('"é"'))).toBe(true);
  });

  test('an item changed on the server stops the commit as a conflict on both servers', async () => {
    for (const s of servers) {
      const original = base(35);
      const item = { ...original, note: { S: 'mine' } };
      await call('staging:apply', { entries: [entry({ kind: 'update', connectionId: s.connectionId, table: 'Agree', key: { pk: original.pk!, sk: original.sk! }, original, item })] });
      await s.sdk.send(new PutItemCommand({ TableName: 'Agree', Item: toSdkItem({ ...original, note: { S: 'theirs' } }) }));
      const report = await call('commit:start', await reviewedStart(call, { connectionId: s.connectionId }));
      expect(report.status, s.name).toBe('conflicts');
      expect(report.conflicts.map((c: any) => c.server.note), s.name).toEqual([{ S: 'theirs' }]);
      const skipped = await call('commit:start', await reviewedStart(call, { connectionId: s.connectionId, resolutions: { [report.conflicts[0].id]: 'skip' } }));
      expect(skipped.outcomes[report.conflicts[0].id], s.name).toMatchObject({ status: 'skipped' });
    }
    const [a, b] = [await scan(servers[0]!.sdk, 'Agree'), await scan(servers[1]!.sdk, 'Agree')];
    expect(b).toEqual(a);
  });
});
