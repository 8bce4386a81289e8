import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { changeIdOf, rowId } from '../../shared/changes/identity';
import { localClient, startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';
import { loadAllEvents } from '../../test-support/servers/loadAllEvents';

// Real dynalite and the real web host (its own process): rows loaded with Load all, saved by
// naming their served images, reloaded after a restart. (dynalite refuses an attribute named
// __proto__, so the edit sets one: the original's bytes are copied as they are, rawPage.test.ts.)
const dataDir = mkdtempSync(join(tmpdir(), 'dynostage-byref-'));
const table = 'Refs';
let db: LocalDynamo;
let host: RunningHost;
let conn: string;

const itemJson = (n: number) =>
  `{"pk":{"S":"R-${n}"},"p":{"N":"007.50"},"big":{"N":"12345678901234567890.000001"},` +
  `"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.5"]},"bs":{"BS":["AAEC","AQ=="]},"bin":{"B":"AAEC"},` +
  `"m":{"M":{"l":{"L":[{"NULL":true},{"N":"1e3"},{"M":{"x":{"BOOL":false}}}]}}},"tags":{"SS":["t"]}}`;

async function api<T>(channel: string, input: unknown, h = host): Promise<{ ok: boolean; value: T; error?: { code: string; message: string } }> {
  const res = await fetch(`${h.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value: T; error?: { code: string; message: string } };
}

interface Page {
  servedPage?: string;
  items: Item[];
}

/** Runs a Load all and returns its items:page events as the browser gets them. */
async function loadAll(): Promise<Page[]> {
  return (await loadAllPages()).filter((p) => p.items.length > 0);
}

async function loadAllPages(): Promise<Page[]> {
  const events = await loadAllEvents(host, { connectionId: conn, model: { table, pageSize: 10 } });
  return events.filter((e) => e.type === 'items:page') as unknown as Page[];
}

const keyOf = (item: Item) => ({ pk: item.pk! });
const idOf = (item: Item) => `${conn}/${table}/${(item.pk as { S: string }).S}`;

const SET = () => JSON.parse('{"status":{"S":"done"},"__proto__":{"M":{"__proto__":{"N":"1.50"}}}}') as Item;

function byRef(page: Page, index: number, set: Item = SET()) {
  const item = page.items[index]!;
  return {
    id: idOf(item),
    connectionId: conn,
    table,
    updateRef: { key: keyOf(item), page: page.servedPage, index, set, remove: ['tags'] },
  };
}

function whole(page: Page, index: number) {
  const item = page.items[index]!;
  return {
    id: idOf(item),
    connectionId: conn,
    table,
    update: { connectionId: conn, table, key: keyOf(item), original: item, set: SET(), remove: ['tags'] },
  };
}

type Loaded = { entries: { id: string; change: unknown }[] };
const staged = async () => new Map((await api<Loaded>('staging:load', {})).value.entries.map((e) => [e.id, e.change]));
/** Un-stages everything earlier tests left staged. */
async function clear(): Promise<void> {
  const ids = [...(await staged()).keys()];
  if (ids.length > 0) await api('staging:apply', { entries: ids.map((id) => ({ id, connectionId: conn, table })) });
  expect((await staged()).size).toBe(0);
}

beforeAll(async () => {
  db = await startDynalite();
  const sdk = localClient(db.endpoint);
  await sdk.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // Written as raw JSON: the SDK's marshalling would take "__proto__" for the prototype.
  for (let b = 0; b < 2; b++) {
    const requests = Array.from({ length: 15 }, (_, k) => `{"PutRequest":{"Item":${itemJson(b * 15 + k)}}}`);
    const res = await fetch(db.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'DynamoDB_20120810.BatchWriteItem',
        Authorization: 'AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
        'X-Amz-Date': '20250101T000000Z',
      },
      body: `{"RequestItems":{"${table}":[${requests.join(',')}]}}`,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  host = await startHost({ dataDir, seed: false });
  const saved = await api<{ connection: { id: string } }>('connections:save', { kind: 'endpoint', name: 'refs', region: 'us-east-1', endpoint: db.endpoint });
  conn = saved.value.connection.id;
}, 120_000);
afterAll(async () => {
  await host?.stop();
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('an update saved by naming its served original reloads after a restart as the old path wrote it', async () => {
  const pages = await loadAll();
  expect(pages.length).toBeGreaterThan(1);
  expect(pages.filter((p) => p.items.length > 0).every((p) => typeof p.servedPage === 'string')).toBe(true);
  const refs = pages.flatMap((p) => p.items.map((_, i) => byRef(p, i)));
  const saved = await api<{ saved: number }>('staging:apply', { entries: refs });
  expect(saved.error).toBeUndefined();
  expect(saved.value.saved).toBe(30);

  await host.stop();
  host = await startHost({ dataDir, seed: false });
  const afterRestart = await staged();
  expect(afterRestart.size).toBe(30);
  const one = afterRestart.get(`${conn}/${table}/R-7`) as { kind: string; original: Item; item: Item };
  expect(one.kind).toBe('update');
  // The image as the renderer got it (dynalite writes numbers its own way: "7.5" for "007.50").
  const served = pages.flatMap((p) => p.items).find((i) => (i.pk as { S: string }).S === 'R-7')!;
  expect(one.original).toEqual(served);
  expect(served.ns).toEqual({ NS: ['1', '2.5'] });
  expect(served.bs).toEqual({ BS: ['AAEC', 'AQ=='] });
  expect(Object.keys(one.item)).toEqual(['pk', 'p', 'big', 'ss', 'ns', 'bs', 'bin', 'm', 'status', '__proto__']);
  const proto = Object.getOwnPropertyDescriptor(one.item, '__proto__')?.value as { M: Item };
  expect(Object.getOwnPropertyDescriptor(proto.M, '__proto__')?.value).toEqual({ N: '1.50' });
  expect(one.item.m).toEqual(served.m);
  expect(one.item.big).toEqual(served.big);
  expect(typeof (served.big as { N: unknown }).N).toBe('string');
  expect(Object.getPrototypeOf((one.item.m as { M: Item }).M)).toBe(Object.prototype);

  // The old path (each original sent whole) over the same rows stages exactly the same.
  const again = await loadAll();
  await api('staging:apply', { entries: again.flatMap((p) => p.items.map((_, i) => ({ id: idOf(p.items[i]!), connectionId: conn, table }))) });
  expect((await staged()).size).toBe(0);
  const sent = await api('staging:apply', { entries: again.flatMap((p) => p.items.map((_, i) => whole(p, i))) });
  expect(sent.ok).toBe(true);
  await host.stop();
  host = await startHost({ dataDir, seed: false });
  expect(await staged()).toEqual(afterRestart);
}, 120_000);

test('a name the host does not know fails the save with OriginalGone; one of another row is refused', async () => {
  const pages = await loadAll();
  const before = await staged();
  const unknown = { ...byRef(pages[0]!, 0, { status: { S: 'lost?' } }) };
  unknown.updateRef.page = 'not-a-page.1';
  const gone = await api('staging:apply', { entries: [byRef(pages[0]!, 1, { status: { S: 'lost?' } }), unknown] });
  expect(gone.ok).toBe(false);
  expect(gone.error?.code).toBe('OriginalGone');

  const wrong = byRef(pages[0]!, 2, { status: { S: 'wrong' } });
  wrong.updateRef.index = 3; // names another row than its key's
  const refused = await api('staging:apply', { entries: [wrong] });
  expect(refused.ok).toBe(false);
  expect(refused.error?.code).toBe('OriginalMismatch');
  expect(refused.error?.message).toContain('"pk"');
  expect(await staged()).toEqual(before);
}, 120_000);

test('a group (one update, rows named by page and index) stages what the same entries stage, ids made from the served keys', async () => {
  await clear();
  const pages = await loadAll();
  const set = SET();
  const group = {
    connectionId: conn,
    table,
    keySchema: { partitionKey: { name: 'pk', type: 'S' } },
    set,
    remove: ['tags'],
    rows: pages.map((p) => ({ page: p.servedPage, indexes: p.items.map((_, i) => i) })),
  };
  const saved = await api<{ saved: number }>('staging:apply', { entries: [], groups: [group] });
  expect(saved.error).toBeUndefined();
  expect(saved.value.saved).toBe(30);
  await host.stop();
  host = await startHost({ dataDir, seed: false });
  const grouped = await staged();
  const id = (n: number) => changeIdOf(conn, table, rowId({ pk: { S: `R-${n}` } }, group.keySchema as KeySchema));
  expect([...grouped.keys()].sort()).toEqual(Array.from({ length: 30 }, (_, n) => id(n)).sort());
  // The same rows as entries (each naming its original, served by this host) stage exactly the same.
  const again = await loadAll();
  const asEntries = again.flatMap((p) => p.items.map((item, i) => ({ ...byRef(p, i), id: id(Number((item.pk as { S: string }).S.slice(2))) })));
  await api('staging:apply', { entries: [...grouped.keys()].map((k) => ({ id: k, connectionId: conn, table })) });
  expect((await staged()).size).toBe(0);
  expect((await api('staging:apply', { entries: asEntries })).ok).toBe(true);
  expect(await staged()).toEqual(grouped);
  // Un-staged by id, as the renderer's undo does.
  await api('staging:apply', { entries: [...grouped.keys()].map((k) => ({ id: k, connectionId: conn, table })) });
  expect((await staged()).size).toBe(0);
}, 120_000);

test('a group naming rows of another table, a key of another type, or a page the host dropped is refused whole', async () => {
  await clear();
  const pages = await loadAll();
  const group = (over: Record<string, unknown>) => ({
    connectionId: conn,
    table,
    keySchema: { partitionKey: { name: 'pk', type: 'S' } },
    set: { status: { S: 'refused' } },
    remove: [],
    rows: [{ page: pages[0]!.servedPage, indexes: [0, 1] }],
    ...over,
  });
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ table: 'Other' }, 'OriginalMismatch', /is not from table "Other"/],
    [{ keySchema: { partitionKey: { name: 'pk', type: 'N' } } }, 'OriginalMismatch', /no key attribute "pk" of type N/],
    [{ keySchema: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } } }, 'OriginalMismatch', /"sk"/],
    [{ rows: [{ page: 'not-a-page.1', indexes: [0] }] }, 'OriginalGone', /no longer keeps/],
    [{ rows: [{ page: pages[0]!.servedPage, indexes: [999] }] }, 'OriginalGone', /no longer keeps/],
  ];
  for (const [over, code, message] of cases) {
    const out = await api('staging:apply', { entries: [byRef(pages[1]!, 0)], groups: [group(over)] });
    expect(out.ok, JSON.stringify(over)).toBe(false);
    expect(out.error?.code).toBe(code);
    expect(out.error?.message).toMatch(message);
    // Nothing of a refused save is staged, not even its entries.
    expect((await staged()).size).toBe(0);
  }
  const bad = await api('staging:apply', { entries: [], groups: [group({ rows: [{ page: pages[0]!.servedPage, indexes: [-1] }] })] });
  expect(bad.error?.code).toBe('BadInput');
  expect(bad.error?.message).toMatch(/groups\.0\.rows\.0\.indexes\.0/);
}, 120_000);
