/**
 * An item holding attributes named __proto__, constructor and toString round-trips through load
 * (Query, Scan page and BatchGetItem), edit, commit (with its drift check) and export: over HTTP
 * through the web host and the real backend, against moto (dynalite refuses the name __proto__).
 * Reads and writes both travel as raw DynamoDB JSON (rawRead.ts, commit/wire.ts), since the AWS
 * SDK's own (de)serializers build maps with `out[name] =`, which drops __proto__.
 */
import { CreateTableCommand, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExport } from '../../renderer/src/features/browse/export/exportFile';
import { changeId } from '../../shared/changes/types';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { startWebHost, type WebHost } from '../../webhost/server';
import { createBackend, type Backend } from '../backend';
import { MOTO_REGIONS, motoEndpoint } from '../../test-support/servers/motoTest';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const moto = motoEndpoint('protoNames.moto.test.ts');
const region = MOTO_REGIONS.protoNames;
const schema: KeySchema = {
  partitionKey: { name: 'orgId', type: 'S' },
  sortKey: { name: 'userId', type: 'S' },
};
const key = { orgId: { S: 'proto-org' }, userId: { S: 'u1' } };
const ALL = ['__proto__', 'constructor', 'orgId', 'toString', 'userId'];
// As it arrives over HTTP: JSON.parse makes "__proto__" an own property.
const wire = (text: string) => JSON.parse(text) as Item;
const ITEM = `{"orgId":{"S":"proto-org"},"userId":{"S":"u1"},"__proto__":{"S":"p1"},"constructor":{"N":"7"},"toString":{"M":{"__proto__":{"S":"inner"}}}}`;
const names = (item: Item) => Object.keys(item).sort();
const own = (item: Item, name: string) =>
  Object.getOwnPropertyDescriptor(item, name)?.value as unknown;

let dir: string;
let backend: Backend;
let host: WebHost;
let connectionId: string;
let sdk: DynamoDBClient;

async function call(channel: string, input: unknown): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as {
    ok: boolean;
    value?: any;
    error?: { code: string; message: string };
  };
  if (!envelope.ok) throw new Error(`${envelope.error?.code}: ${envelope.error?.message}`);
  return envelope.value;
}

async function commitOne(change: Record<string, unknown>) {
  const id = changeId(connectionId, 'ProtoUsers', key, schema);
  await call('staging:apply', {
    entries: [
      {
        id,
        connectionId,
        table: 'ProtoUsers',
        change: { connectionId, table: 'ProtoUsers', key, ...change },
      },
    ],
  });
  const report = await call('commit:start', await reviewedStart(call, { connectionId }));
  const statuses = Object.values(report.outcomes as Record<string, { status: string }>).map(
    (o) => o.status,
  );
  expect(statuses, JSON.stringify(report.outcomes)).toEqual(['written']);
  expect(report.status).toBe('done');
}

async function load(): Promise<Item> {
  const page = await call('items:query', {
    connectionId,
    model: { table: 'ProtoUsers', partitionValue: { S: 'proto-org' } },
  });
  expect(page.items).toHaveLength(1);
  const scanned = await call('items:query', { connectionId, model: { table: 'ProtoUsers' } });
  expect(scanned.items).toEqual(page.items);
  const got = await call('items:batchGet', {
    requests: [{ connectionId, table: 'ProtoUsers', keys: [key] }],
  });
  expect(got.results[0].items).toEqual(page.items);
  return page.items[0] as Item;
}

describe.skipIf(!moto)('attribute names __proto__, constructor, toString (moto)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dynostage-proto-moto-'));
    backend = await createBackend({ dataDir: dir, seedSandbox: false });
    host = await startWebHost({ backend, port: 0, staticDir: join(dir, 'no-build') });
    const saved = await call('connections:save', {
      kind: 'endpoint',
      name: 'moto',
      region,
      endpoint: moto,
    });
    connectionId = saved.connection.id;
    sdk = new DynamoDBClient({
      endpoint: moto,
      region,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await sdk.send(
      new CreateTableCommand({
        TableName: 'ProtoUsers',
        KeySchema: [
          { AttributeName: 'orgId', KeyType: 'HASH' },
          { AttributeName: 'userId', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'orgId', AttributeType: 'S' },
          { AttributeName: 'userId', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });
  afterAll(async () => {
    await host?.close();
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('put, load, edit, commit and export keep every attribute', async () => {
    await commitOne({ kind: 'put', item: wire(ITEM) });
    const loaded = await load();
    expect(names(loaded)).toEqual(ALL);
    expect(own(loaded, '__proto__')).toEqual({ S: 'p1' });
    const inner = own(loaded, 'toString') as { M: Item };
    expect(Object.keys(inner)).toEqual(['M']);
    expect(names(inner.M)).toEqual(['__proto__']);

    // An edit of one attribute keeps the others; the drift check reads the server's image by key
    // and must find it equal to the loaded one (else the commit reports a conflict).
    const edited = { ...loaded, constructor: { N: '8' } };
    expect(names(edited)).toEqual(ALL);
    await commitOne({ kind: 'update', original: loaded, item: edited });
    const after = await load();
    expect(names(after)).toEqual(ALL);
    expect(after.constructor).toEqual({ N: '8' });
    expect(own(after, '__proto__')).toEqual({ S: 'p1' });

    const jsonl = (
      await buildExport({ format: 'jsonl', items: [after], columns: [], pause: async () => {} })
    ).join('');
    expect(names(JSON.parse(jsonl) as Item)).toEqual(ALL);
    const csv = (
      await buildExport({
        format: 'csv',
        items: [after],
        columns: ['__proto__', 'constructor', 'toString'],
        pause: async () => {},
      })
    ).join('');
    expect(csv.split('\r\n')[1]).toBe('p1,8,"{""M"":{""__proto__"":{""S"":""inner""}}}"');
  });

  test('a guarded conflict shows the server image with every attribute (ALL_OLD read raw)', async () => {
    const loaded = await load();
    expect(names(loaded)).toEqual(ALL);
    // Another writer changes the same attribute: the guarded update's condition fails and the
    // conflict carries the server's image from the ConditionalCheckFailed answer.
    await sdk.send(
      new UpdateItemCommand({
        TableName: 'ProtoUsers',
        Key: key,
        UpdateExpression: 'SET #c = :v',
        ExpressionAttributeNames: { '#c': 'constructor' },
        ExpressionAttributeValues: { ':v': { N: '99' } },
      }),
    );
    const id = changeId(connectionId, 'ProtoUsers', key, schema);
    const change = {
      connectionId,
      table: 'ProtoUsers',
      key,
      kind: 'update',
      original: loaded,
      item: { ...loaded, constructor: { N: '100' } },
    };
    await call('staging:apply', { entries: [{ id, connectionId, table: 'ProtoUsers', change }] });
    const report = await call('commit:start', await reviewedStart(call, { connectionId }));
    expect(report.outcomes[id]?.status, JSON.stringify(report.outcomes)).toBe('conflict');
    const conflict = (report.conflicts as { id: string; server: Item | null }[]).find(
      (c) => c.id === id,
    );
    expect(conflict?.server).toBeTruthy();
    const server = JSON.parse(JSON.stringify(conflict!.server)) as Item;
    expect(names(server)).toEqual(ALL);
    expect(own(server, '__proto__')).toEqual({ S: 'p1' });
    expect(server.constructor).toEqual({ N: '99' });
  });
});
