import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createBackend, type Backend } from '../server/backend';
import { closedPort } from '../server/connections/testSupport';
import { EarlyList } from './earlyList';
import { startWebHost, type WebHost } from './server';

let dir: string;
let backend: Backend;
/** The channels the backend was asked, in order. */
const asked: string[] = [];
/** Every answer asked for, awaited before the backend closes (early listings nobody took). */
const answers: Promise<unknown>[] = [];
const counting: Backend['call'] = (channel, input) => {
  asked.push(channel);
  const answer = backend.call(channel, input);
  answers.push(answer);
  return answer;
};
const listings = () => asked.filter((c) => c === 'tables:list').length;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-early-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: true });
});
afterAll(async () => {
  await Promise.all(answers);
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

const SANDBOX = { connectionId: 'sandbox' };

describe('EarlyList', () => {
  test('a page load lists the last listed connection; its own call takes that answer, once', async () => {
    asked.length = 0;
    let now = 0;
    const early = new EarlyList(counting, 5_000, () => now);
    const first = await early.answer('tables:list', SANDBOX);
    await early.pageLoading();
    expect(listings()).toBe(2);
    now += 300;
    const second = await early.answer('tables:list', SANDBOX);
    expect(listings()).toBe(2);
    expect(second).toEqual(first);
    // Used once: the next call (a refresh) lists again.
    await early.answer('tables:list', SANDBOX);
    expect(listings()).toBe(3);
  });

  test('the early answer was read at the page load: a table created before it is listed', async () => {
    asked.length = 0;
    const early = new EarlyList(counting, 5_000, () => 0);
    await early.answer('tables:list', SANDBOX);
    const client = await backend.services.client('sandbox');
    await client.send(
      new CreateTableCommand({
        TableName: 'MadeBeforeReload',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await early.pageLoading();
    const { envelope } = await early.answer('tables:list', SANDBOX);
    expect(envelope).toMatchObject({ ok: true });
    expect((envelope as { value: { tables: string[] } }).value.tables).toContain('MadeBeforeReload');
  });

  test('not used when it is old, for another connection, another input, or after a connection changed', async () => {
    asked.length = 0;
    let now = 0;
    const early = new EarlyList(counting, 5_000, () => now);
    await early.answer('tables:list', SANDBOX);

    await early.pageLoading();
    now += 5_000;
    await early.answer('tables:list', SANDBOX);
    expect(listings()).toBe(3);

    await early.pageLoading();
    // Another input is answered as sent (here: its schema lets the unknown field through).
    await early.answer('tables:list', { ...SANDBOX, extra: 1 });
    expect(listings()).toBe(5);

    // The listing of that page load is still fresh, but a connection was saved since.
    await early.pageLoading();
    expect(listings()).toBe(5);
    await early.answer('connections:save', { kind: 'bogus' });
    await early.answer('tables:list', SANDBOX);
    expect(listings()).toBe(6);

    await early.pageLoading();
    const other = await early.answer('tables:list', { connectionId: 'profile:nope' });
    expect(other.envelope).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(listings()).toBe(8);
  });

  test('a connection whose listing failed is not listed ahead', async () => {
    asked.length = 0;
    const early = new EarlyList(counting, 5_000, () => 0);
    // A saved endpoint where nothing listens: it exists, and its listing fails.
    const saved = await early.answer('connections:save', {
      kind: 'endpoint',
      name: 'nothing here',
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      region: 'us-east-1',
    });
    const { id } = (saved.envelope as { value: { connection: { id: string } } }).value.connection;
    const failed = await early.answer('tables:list', { connectionId: id });
    expect(failed.envelope).toMatchObject({ ok: false });
    await early.pageLoading();
    expect(listings()).toBe(1);
  });

  test('no page load before any listing: nothing is listed ahead', async () => {
    asked.length = 0;
    await new EarlyList(counting).pageLoading();
    expect(asked).toEqual([]);
  });
});

describe('web host page loads', () => {
  let host: WebHost;
  beforeAll(async () => {
    host = await startWebHost({
      backend: { ...backend, call: counting },
      port: 0,
      staticDir: join(dir, 'no-build'),
    });
  });
  afterAll(() => host.close());

  const origin = () => `http://127.0.0.1:${host.port}`;

  test('an authenticated page load lists ahead; a request without a session does not', async () => {
    asked.length = 0;
    const res = await fetch(`${origin()}/api/tables:list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(SANDBOX),
    });
    expect(res.status).toBe(200);
    expect(listings()).toBe(1);

    await fetch(`${origin()}/`);
    await fetch(`${origin()}/assets/x.js`);
    expect(listings()).toBe(1);

    // The launch URL: redeemed for a session, listed ahead at once.
    const launch = await fetch(host.launchUrl(), { redirect: 'manual' });
    expect(launch.status).toBe(303);
    await vi.waitFor(() => expect(listings()).toBe(2));
    const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Its redirect to the page reuses the listing under way.
    await fetch(`${origin()}/`, { headers: { cookie } });
    expect(listings()).toBe(2);
  });
});
