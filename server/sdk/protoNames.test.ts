/**
 * Attributes named __proto__, constructor and toString (DynamoDB allows any name) survive load,
 * edit, commit and export: through the real backend, its contract schemas and dynalite.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildExport } from '../../renderer/src/features/browse/export/exportFile';
import { changeId } from '../../shared/changes/types';
import { parseDynamoJsonText, dynamoJsonText } from '../../shared/dynamo/dynamoJson';
import { fromPlainText, plainJsonText } from '../../shared/dynamo/plainJson';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { fromSdkItem, toSdkItem } from './convert';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const schema: KeySchema = { partitionKey: { name: 'orgId', type: 'S' }, sortKey: { name: 'userId', type: 'S' } };
let dir: string;
let backend: Backend;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-proto-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: true });
});
afterAll(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

// As it arrives over HTTP: JSON.parse makes "__proto__" an own property.
const wire = (text: string) => JSON.parse(text) as Item;
const ITEM = `{"orgId":{"S":"proto-org"},"userId":{"S":"u1"},"__proto__":{"S":"p1"},"constructor":{"N":"7"},"toString":{"M":{"__proto__":{"S":"inner"}}}}`;
// What dynalite can store: its own request validation refuses an attribute named __proto__
// ("more than one datatypes set"); constructor and toString go through. The round trip with
// __proto__ runs against moto (protoNames.moto.test.ts).
const SENDABLE = `{"orgId":{"S":"proto-org"},"userId":{"S":"u1"},"constructor":{"N":"7"},"toString":{"M":{"valueOf":{"S":"inner"}}}}`;

async function call(channel: string, input: unknown): Promise<any> {
  // Through JSON, as the web host passes it.
  const { envelope } = await backend.call(channel, JSON.parse(JSON.stringify(input)));
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function commitOne(change: Record<string, unknown>) {
  const id = changeId('sandbox', 'OrgUsers', { orgId: { S: 'proto-org' }, userId: { S: 'u1' } }, schema);
  await call('staging:apply', { entries: [{ id, connectionId: 'sandbox', table: 'OrgUsers', change }] });
  const report = await call('commit:start', await reviewedStart(call, { connectionId: 'sandbox' }));
  expect(Object.values(report.outcomes as Record<string, { status: string }>).map((o) => o.status)).toEqual(['written']);
  expect(report.status, JSON.stringify(report).slice(0, 400)).toBe('done');
}

async function load(): Promise<Item> {
  const page = await call('items:query', { connectionId: 'sandbox', model: { table: 'OrgUsers', partitionValue: { S: 'proto-org' } } });
  expect(page.items).toHaveLength(1);
  return page.items[0] as Item;
}

const names = (item: Item) => Object.keys(item).sort();

test('conversion helpers keep every attribute name', () => {
  const item = wire(ITEM);
  expect(names(fromSdkItem(toSdkItem(item)))).toEqual(['__proto__', 'constructor', 'orgId', 'toString', 'userId']);
  const parsed = parseDynamoJsonText(dynamoJsonText(item));
  expect(parsed.ok && names(parsed.item)).toEqual(names(item));
  const plain = fromPlainText(plainJsonText(item), item);
  expect(plain.ok && plain.item.__proto__).toEqual({ S: 'p1' });
  expect(plain.ok && Object.getPrototypeOf(plain.item)).toBe(Object.prototype);
  // A new attribute named constructor is not taken for the original's (Object.prototype's).
  const fresh = fromPlainText('{"constructor": 1}', {});
  expect(fresh.ok && fresh.item).toEqual({ constructor: { N: '1' } });
});

test('put, load, edit, commit and export keep constructor and toString (and valueOf inside a map)', async () => {
  const key = { orgId: { S: 'proto-org' }, userId: { S: 'u1' } };
  await commitOne({ kind: 'put', connectionId: 'sandbox', table: 'OrgUsers', key, item: wire(SENDABLE) });
  const loaded = await load();
  expect(names(loaded)).toEqual(['constructor', 'orgId', 'toString', 'userId']);
  expect(loaded.toString).toEqual({ M: { valueOf: { S: 'inner' } } });

  // An edit of one attribute leaves the others, __proto__ included.
  const edited = { ...loaded, constructor: { N: '8' } };
  await commitOne({ kind: 'update', connectionId: 'sandbox', table: 'OrgUsers', key, original: loaded, item: edited });
  const after = await load();
  expect(names(after)).toEqual(['constructor', 'orgId', 'toString', 'userId']);
  expect(after.constructor).toEqual({ N: '8' });

  const jsonl = (await buildExport({ format: 'jsonl', items: [after], columns: [], pause: async () => {} })).join('');
  expect(names(JSON.parse(jsonl) as Item)).toEqual(names(after));
  const csv = (await buildExport({ format: 'csv', items: [after], columns: ['__proto__', 'constructor', 'toString'], pause: async () => {} })).join('');
  // No __proto__ attribute here: an empty cell, not Object.prototype printed.
  expect(csv.split('\r\n')[1]).toBe(',8,"{""M"":{""valueOf"":{""S"":""inner""}}}"');
});
