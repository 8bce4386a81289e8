/** Atomic mode against moto (dynalite has no transactions): groups, conflicts, moves. */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { atomicGroups } from '../../shared/plan/atomicGroups';
import type { PlanInput } from '../../shared/plan/types';
import { startFaultProxy } from '../../test-support/faultProxy/proxy';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { MOTO_REGIONS, motoEndpoint } from '../../test-support/servers/motoTest';
import { runAtomicGroups } from './atomic';

const moto = motoEndpoint('atomic.moto.test.ts');
const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { Tickets: schema, Archive: schema, Big: schema };
let sdk: DynamoDBClient;

async function scan(table: string): Promise<Item[]> {
  return ((await sdk.send(new ScanCommand({ TableName: table }))).Items ?? []).map(fromSdkItem);
}
const ticket = (i: number, extra: Item = {}): Item => ({ id: { S: `t${i}` }, n: { N: String(i) }, ...extra });

describe.skipIf(!moto)('atomic mode against moto', () => {
  beforeAll(async () => {
    sdk = new DynamoDBClient({ endpoint: moto, region: MOTO_REGIONS.atomic, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    for (const TableName of Object.keys(schemas)) {
      await sdk.send(
        new CreateTableCommand({
          TableName,
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
  });

  test('250 new items commit in 3 transactions', async () => {
    const ops: PlanInput[] = Array.from({ length: 250 }, (_, i) => ({
      id: `c${i}`,
      table: 'Big',
      kind: 'put',
      item: ticket(i, { big: { N: '12345678901234567890123456789012345678' }, tags: { SS: ['a'] }, bin: { B: 'AAE=' } }),
      guard: { base: null },
    }));
    const { groups } = atomicGroups(ops, schemas);
    const report = await runAtomicGroups(sdk, groups);
    expect(report.calls).toBe(3);
    expect(Object.values(report.outcomes).every((o) => o.status === 'written')).toBe(true);
    const rows = await scan('Big');
    expect(rows).toHaveLength(250);
    expect(rows.find((r) => JSON.stringify(r.id) === '{"S":"t7"}')).toEqual(ops[7]!.kind === 'put' ? ops[7]!.item : null);
  });

  test('a group with one failed condition writes nothing and reports exactly that item', async () => {
    const base = Array.from({ length: 10 }, (_, i) => ticket(i, { status: { S: 'open' } }));
    for (let at = 0; at < 10; at += 5) {
      await sdk.send(new BatchWriteItemCommand({ RequestItems: { Tickets: base.slice(at, at + 5).map((Item) => ({ PutRequest: { Item: toSdkItem(Item) } })) } }));
    }
    // Someone else closes ticket 4 after it was loaded.
    await sdk.send(new PutItemCommand({ TableName: 'Tickets', Item: toSdkItem({ ...base[4]!, status: { S: 'closed elsewhere' } }) }));
    const ops: PlanInput[] = base.map((b, i) => ({ id: `u${i}`, table: 'Tickets', kind: 'put', item: { ...b, status: { S: 'archived' } }, guard: { base: b } }));
    const report = await runAtomicGroups(sdk, atomicGroups(ops, schemas).groups, { schemas });
    expect(report.outcomes.u4).toMatchObject({ status: 'conflict' });
    const others = Object.entries(report.outcomes).filter(([id]) => id !== 'u4');
    expect(others.every(([, o]) => o.status === 'canceled')).toBe(true);
    expect((others[0]![1] as { reason: string }).reason).toBe('Not written: its transaction was canceled because Tickets {"id":{"S":"t4"}} failed');
    const rows = await scan('Tickets');
    expect(rows.filter((r) => JSON.stringify(r.status) === '{"S":"archived"}')).toEqual([]);
    expect(rows.find((r) => JSON.stringify(r.id) === '{"S":"t4"}')?.status).toEqual({ S: 'closed elsewhere' });
  });

  test('a move is one transaction: the copy and the delete, or neither', async () => {
    const moved = ticket(50, { status: { S: 'resolved' } });
    const blocked = ticket(51, { status: { S: 'resolved' } });
    for (const t of [moved, blocked]) await sdk.send(new PutItemCommand({ TableName: 'Tickets', Item: toSdkItem(t) }));
    // The archive already holds ticket 51: its copy's condition (new item) fails.
    await sdk.send(new PutItemCommand({ TableName: 'Archive', Item: toSdkItem({ id: { S: 't51' }, old: { BOOL: true } }) }));
    const move = (t: Item, i: number): PlanInput[] => [
      { id: `a${i}`, table: 'Archive', kind: 'put', item: t, guard: { base: null } },
      { id: `d${i}`, table: 'Tickets', kind: 'delete', key: { id: t.id! }, after: `a${i}`, guard: { base: t } },
    ];
    // One move per group here, so the failed move does not hold the other back.
    const { groups } = atomicGroups([...move(moved, 50), ...move(blocked, 51)], schemas, 2);
    expect(groups.map((g) => g.ops.map((o) => o.id))).toEqual([['a50', 'd50'], ['a51', 'd51']]);
    const report = await runAtomicGroups(sdk, groups);
    expect(report.outcomes).toMatchObject({ a50: { status: 'written' }, d50: { status: 'written' }, a51: { status: 'conflict' }, d51: { status: 'canceled' } });
    const left = (await scan('Tickets')).map((r) => JSON.stringify(r.id));
    expect(left).not.toContain('{"S":"t50"}');
    expect(left).toContain('{"S":"t51"}');
    expect((await scan('Archive')).find((r) => JSON.stringify(r.id) === '{"S":"t50"}')).toEqual(moved);
  });

  test('a connection dropped after the server applied a group: resent with the same token, applied once', async () => {
    const proxy = await startFaultProxy(moto!, { faultOperations: ['TransactWriteItems'], dropAfterFraction: 1 }, 3);
    const tokens: string[] = [];
    proxy.onRequest = (op, body) => {
      if (op !== 'TransactWriteItems') return;
      tokens.push(String((body as { ClientRequestToken?: string }).ClientRequestToken));
      if (tokens.length === 1) return;
      proxy.setConfig({ dropAfterFraction: 0 });
    };
    // One attempt per SDK call, so the resend is ours, not the SDK's.
    const viaProxy = new DynamoDBClient({ endpoint: proxy.endpoint, region: MOTO_REGIONS.atomic, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    try {
      const base = Array.from({ length: 10 }, (_, i) => ticket(100 + i, { counter: { N: '0' } }));
      for (const b of base) await sdk.send(new PutItemCommand({ TableName: 'Tickets', Item: toSdkItem(b) }));
      const ops: PlanInput[] = base.map((b, i) => ({ id: `x${i}`, table: 'Tickets', kind: 'put', item: { ...b, counter: { N: '1' } }, guard: { base: b } }));
      const report = await runAtomicGroups(viaProxy, atomicGroups(ops, schemas).groups, { baseMs: 1, capMs: 5 });
      expect(tokens).toHaveLength(2);
      expect(tokens[1]).toBe(tokens[0]);
      expect(report.resent).toBe(1);
      const rows = (await scan('Tickets')).filter((r) => /^t1\d\d$/.test((r.id as { S: string }).S));
      expect(rows).toHaveLength(10);
      expect(rows.every((r) => JSON.stringify(r.counter) === '{"N":"1"}')).toBe(true);
      // moto ignores ClientRequestToken, so its second application fails the guard; the server
      // already holds what the group writes, so it counts as written (DynamoDB answers the resend as
      // the first success). Either way nothing is applied twice.
      expect(Object.values(report.outcomes).every((o) => o.status === 'written')).toBe(true);
    } finally {
      viaProxy.destroy();
      await proxy.close();
    }
  });
});
