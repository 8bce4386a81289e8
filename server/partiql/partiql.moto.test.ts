/**
 * PartiQL through our backend against moto (over HTTP, real SDK): SELECT paging (moto itself does
 * not page: the partiqlPager in front of it pages as DynamoDB does), parameters of every type,
 * service errors, staged writes committed with BatchExecuteStatement, and the sandbox's refusal.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Item } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { MOTO_REGIONS, motoEndpoint } from '../../test-support/servers/motoTest';
import { startPartiqlPager, type PartiqlPager } from '../../test-support/servers/partiqlPager';

const moto = motoEndpoint('partiql.moto.test.ts');
const region = MOTO_REGIONS.partiql;
const BIG = '12345678901234567890123456789012345678';

let dir: string;
let backend: Backend;
let pager: PartiqlPager;
let conn: string;
let pagingConn: string;
let sdk: DynamoDBClient;
let pagingSdk: DynamoDBClient;

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as T;
}
async function failure(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const { envelope } = await backend.call(channel, input);
  if (envelope.ok) throw new Error(`${channel} succeeded`);
  return envelope.error;
}
async function scan(table: string): Promise<Item[]> {
  return ((await sdk.send(new ScanCommand({ TableName: table }))).Items ?? []).map(fromSdkItem);
}
async function createTable(name: string, sk?: 'S' | 'N', client = sdk) {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(sk ? [{ AttributeName: 'sk', KeyType: 'RANGE' as const }] : [])],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, ...(sk ? [{ AttributeName: 'sk', AttributeType: sk }] : [])],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

describe.skipIf(!moto)('PartiQL against moto', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dynostage-partiql-'));
    backend = await createBackend({ dataDir: dir, seedSandbox: false });
    pager = await startPartiqlPager(moto!);
    conn = (await call('connections:save', { kind: 'endpoint', name: 'moto', region, endpoint: pager.endpoint })).connection.id;
    sdk = new DynamoDBClient({ endpoint: moto, region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    // moto reads every table of a region for each statement: the big table gets a region of its own.
    const pagingRegion = MOTO_REGIONS.partiqlPaging;
    pagingConn = (await call('connections:save', { kind: 'endpoint', name: 'moto paging', region: pagingRegion, endpoint: pager.endpoint })).connection.id;
    pagingSdk = new DynamoDBClient({ endpoint: moto, region: pagingRegion, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await createTable('Pages', 'N', pagingSdk);
    const items: Item[] = Array.from({ length: 2600 }, (_, i) => ({
      pk: { S: 'p' },
      sk: { N: String(i) },
      colour: { S: i % 26 === 25 ? 'blue' : 'red' },
    }));
    for (let at = 0; at < items.length; at += 25) {
      const chunk = items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item: toSdkItem(Item) } }));
      await pagingSdk.send(new BatchWriteItemCommand({ RequestItems: { Pages: chunk } }));
    }
  });
  afterAll(async () => {
    await pager?.close();
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a SELECT with a key condition and a filter pages through 2,500 items by NextToken', async () => {
    const statement = 'SELECT * FROM "Pages" WHERE pk = ? AND colour = ?';
    const seen: Item[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    let capacity = 0;
    const started = performance.now();
    do {
      const page = await call('partiql:execute', {
        connectionId: pagingConn,
        statement,
        parameters: [{ S: 'p' }, { S: 'red' }],
        consistentRead: true,
        limit: 100,
        ...(nextToken ? { nextToken } : {}),
      });
      seen.push(...page.items);
      nextToken = page.nextToken;
      capacity += page.consumedCapacity;
      pages++;
    } while (nextToken);
    const ms = performance.now() - started;
    console.log(`PartiQL paging: ${seen.length} items in ${pages} pages of 100, ${Math.round(ms)} ms, ${capacity} RCU`);
    expect(seen).toHaveLength(2500);
    expect(pages).toBe(25);
    expect(pager.counters.withToken).toBe(24);
    expect(new Set(seen.map((i) => JSON.stringify(i.sk))).size).toBe(2500);
    expect(seen.every((i) => JSON.stringify(i.pk) === '{"S":"p"}' && JSON.stringify(i.colour) === '{"S":"red"}')).toBe(true);
    expect(capacity).toBeGreaterThan(0);
  });

  test('parameters of every type reach the server typed (38 digits, binary, sets, bool)', async () => {
    await createTable('Typed');
    const item: Item = {
      pk: { S: 'é' },
      big: { N: BIG },
      bin: { B: 'AAH/' },
      flag: { BOOL: true },
      tags: { SS: ['x', 'y'] },
      nums: { NS: ['1', BIG] },
      blobs: { BS: ['AAE='] },
    };
    await sdk.send(new BatchWriteItemCommand({ RequestItems: { Typed: [{ PutRequest: { Item: toSdkItem(item) } }] } }));
    const cases: [string, Item[string]][] = [
      ['big', { N: BIG }],
      ['bin', { B: 'AAH/' }],
      ['flag', { BOOL: true }],
      ['tags', { SS: ['x', 'y'] }],
      ['nums', { NS: ['1', BIG] }],
      ['blobs', { BS: ['AAE='] }],
    ];
    for (const [name, value] of cases) {
      const out = await call('partiql:execute', {
        connectionId: conn,
        statement: `SELECT * FROM "Typed" WHERE pk = ? AND "${name}" = ?`,
        parameters: [{ S: 'é' }, value],
      });
      expect(out.items, name).toEqual([item]);
    }
    const none = await call('partiql:execute', {
      connectionId: conn,
      statement: 'SELECT * FROM "Typed" WHERE pk = ? AND big = ?',
      parameters: [{ S: 'é' }, { N: BIG.slice(0, -1) + '9' }],
    });
    expect(none.items).toEqual([]);
  });

  test('errors come back with a code and a readable message', async () => {
    const missing = await failure('partiql:execute', { connectionId: conn, statement: 'SELECT * FROM "NoSuchTable"' });
    expect(missing).toEqual({ code: 'ResourceNotFoundException', message: 'Requested resource not found' });
    // moto answers a statement it cannot parse with an HTML 500 page (DynamoDB: ValidationException).
    const broken = await failure('partiql:execute', { connectionId: pagingConn, statement: 'SELECT * FROM "Pages" WHERE pk =' });
    expect(broken.code).toBe('InternalServerErrorException');
    expect(broken.message).toMatch(/could not process the statement \(HTTP 500/);
    const count = await failure('partiql:execute', { connectionId: conn, statement: 'SELECT * FROM "Typed" WHERE pk = ?' });
    expect(count).toEqual({ code: 'BadInput', message: expect.stringMatching(/1 \? placeholder\(s\) but 0 parameter/) });
    const write = await failure('partiql:execute', { connectionId: conn, statement: `DELETE FROM "Typed" WHERE pk = 'p'` });
    expect(write.message).toMatch(/DELETE statements are staged/);
  });

  test('INSERT, UPDATE and DELETE are staged, saved, committed; one bad statement is reported by itself', async () => {
    await createTable('Writes', 'S');
    await sdk.send(
      new BatchWriteItemCommand({
        RequestItems: { Writes: ['1', '2', '3'].map((sk) => ({ PutRequest: { Item: toSdkItem({ pk: { S: 'a' }, sk: { S: sk }, v: { S: 'old' } }) } })) },
      }),
    );
    const keyNames = ['pk', 'sk'];
    const stage = (statement: string, parameters: Item[string][] = []) =>
      call('partiql:stage', { connectionId: conn, statement, parameters, keyNames });
    const ins = await stage(`INSERT INTO "Writes" VALUE {'pk': 'b', 'sk': '1', 'v': 'new'}`);
    expect(ins.staged).toMatchObject({ kind: 'INSERT', table: 'Writes', key: { pk: { S: 'b' }, sk: { S: '1' } } });
    const upd = await stage('UPDATE "Writes" SET v = ? WHERE pk = ? AND sk = ?', [{ SS: ['s', 't'] }, { S: 'a' }, { S: '1' }]);
    expect(upd.staged.key).toEqual({ pk: { S: 'a' }, sk: { S: '1' } });
    await stage(`DELETE FROM "Writes" WHERE pk = 'a' AND sk = '2'`);
    const bad = await stage('UPDATE "NoSuchTable" SET v = ? WHERE pk = ? AND sk = ?', [{ S: 'x' }, { S: 'a' }, { S: '3' }]);
    expect((await failure('partiql:stage', { connectionId: conn, statement: 'SELECT * FROM "Writes"' })).code).toBe('BadInput');
    // Nothing ran yet.
    expect((await scan('Writes')).map((i) => i.v)).toEqual([{ S: 'old' }, { S: 'old' }, { S: 'old' }]);

    // Saved to disk: a new backend on the same data directory sees them.
    const again = await createBackend({ dataDir: dir, seedSandbox: false });
    const { envelope } = await again.call('partiql:staged', {});
    await again.close();
    expect(envelope.ok && (envelope.value as any).statements).toHaveLength(4);

    const result = await call('partiql:commit', { connectionId: conn });
    expect(result.calls).toBe(1);
    const byId = Object.fromEntries(result.outcomes.map((o: any) => [o.id, o]));
    expect(byId[bad.staged.id]).toMatchObject({ status: 'failed', code: 'ResourceNotFound' });
    expect(result.outcomes.filter((o: any) => o.status === 'written')).toHaveLength(3);
    expect(result.statements.map((s: any) => s.id)).toEqual([bad.staged.id]);
    expect(result.statements[0].error).toMatch(/^ResourceNotFound: /);

    const rows = (await scan('Writes')).map((i) => `${(i.pk as any).S}/${(i.sk as any).S}=${JSON.stringify(i.v)}`).sort();
    expect(rows).toEqual(['a/1={"SS":["s","t"]}', 'a/3={"S":"old"}', 'b/1={"S":"new"}']);
    await call('partiql:unstage', { ids: [bad.staged.id] });
    expect((await call('partiql:staged', {})).statements).toEqual([]);
  });

  test('60 staged statements go in 3 BatchExecuteStatement calls', async () => {
    await createTable('Many');
    for (let i = 0; i < 60; i++) {
      await call('partiql:stage', { connectionId: conn, statement: `INSERT INTO "Many" VALUE {'pk': 'k${i}', 'n': ${i}}`, keyNames: ['pk'] });
    }
    const result = await call('partiql:commit', { connectionId: conn });
    expect(result.calls).toBe(3);
    expect(result.outcomes.every((o: any) => o.status === 'written')).toBe(true);
    expect(await scan('Many')).toHaveLength(60);
  });

  test('the sandbox says it does not support PartiQL; its other calls still work', async () => {
    const refused = await failure('partiql:execute', { connectionId: 'sandbox', statement: 'SELECT * FROM "Anything"' });
    expect(refused.code).toBe('UnknownOperationException');
    expect(refused.message).toMatch(/sandbox \(dynalite\) does not support PartiQL/);
    expect((await call('tables:list', { connectionId: 'sandbox' })).tables).toBeDefined();
  });
});
