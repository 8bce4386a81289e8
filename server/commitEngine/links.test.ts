import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import type { PlanInput } from '../../shared/plan/types';
import { toSdkItem } from '../sdk/convert';
import { executeCommit } from './executor';
import { createTable, idOf, sampleItem, scanAll, useStack } from '../../test-support/fixtures/commitStack';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const fast = { baseMs: 1, capMs: 5 };
const stack = useStack(11);
let tableNo = 0;

async function tableWith(items: Item[]): Promise<string> {
  const name = `Links${++tableNo}`;
  await createTable(stack.direct, name, schema);
  for (let i = 0; i < items.length; i += 25) {
    const PutRequest = items
      .slice(i, i + 25)
      .map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    await stack.direct.send(new BatchWriteItemCommand({ RequestItems: { [name]: PutRequest } }));
  }
  return name;
}

/** A move of each item from `from` to `to`: the put, then the delete that waits for it. */
function moves(items: Item[], from: string, to: string): PlanInput[] {
  const puts: PlanInput[] = items.map((item) => ({
    id: `put:${idOf(item)}`,
    table: to,
    kind: 'put',
    item,
  }));
  const deletes: PlanInput[] = items.map((item) => ({
    id: `del:${idOf(item)}`,
    table: from,
    kind: 'delete',
    key: { id: item.id! },
    after: `put:${idOf(item)}`,
  }));
  return [...puts, ...deletes];
}

/** Ids present in the source or the archive: every item must be in one of them. */
async function lost(items: Item[], tables: string[]): Promise<string[]> {
  const there = new Set<string>();
  for (const t of tables) for (const it of await scanAll(stack.direct, t)) there.add(idOf(it));
  return items.map(idOf).filter((id) => !there.has(id));
}

const items100 = Array.from({ length: 100 }, (_, i) => sampleItem(i, 'ticket'));

test('a move to a table that does not exist: no delete is sent, each is held with the reason', async () => {
  const source = await tableWith(items100);
  let deletesSent = 0;
  stack.proxy.onBatchWrite = (body) => {
    for (const reqs of Object.values(body.RequestItems)) {
      deletesSent += reqs.filter((r) => 'DeleteRequest' in r).length;
    }
  };
  const report = await executeCommit(
    stack.client,
    moves(items100, source, 'NoSuchArchive'),
    { [source]: schema, NoSuchArchive: schema },
    { backoff: fast },
  );
  expect(deletesSent).toBe(0);
  expect(await lost(items100, [source])).toEqual([]);
  expect(report.written).toEqual([]);
  expect(report.held).toHaveLength(100);
  expect(report.held[0]?.reason).toMatch(
    /^held: the copy to NoSuchArchive was not written: paused: table NoSuchArchive was not found/,
  );
  expect(report.outcomes['del:ticket-000007']?.status).toBe('held');
  expect(report.counters.held).toBe(100);
});

test('a move while every write comes back unprocessed: held, then a clean retry moves all', async () => {
  const source = await tableWith(items100);
  const archive = await tableWith([]);
  const ops = moves(items100, source, archive);
  const schemas = { [source]: schema, [archive]: schema };
  stack.proxy.setConfig({ unprocessedFraction: 1 });
  const report = await executeCommit(stack.client, ops, schemas, {
    backoff: { ...fast, maxRounds: 3 },
  });
  expect(report.failed).toHaveLength(100);
  expect(report.held).toHaveLength(100);
  expect(report.held[0]?.reason).toContain(`the copy to ${archive} was not written`);
  expect(await lost(items100, [source, archive])).toEqual([]);
  expect(await scanAll(stack.direct, source)).toHaveLength(100);

  stack.proxy.setConfig({ unprocessedFraction: 0 });
  const again = await executeCommit(stack.client, ops, schemas, { backoff: fast });
  expect(again.written).toHaveLength(200);
  expect(await scanAll(stack.direct, source)).toHaveLength(0);
  expect(await scanAll(stack.direct, archive)).toHaveLength(100);
});

test('half the copies refused: exactly the deletes of the written copies are sent', async () => {
  const items = items100.slice(0, 20);
  const source = await tableWith(items);
  const archive = await tableWith([]);
  const schemas = { [source]: schema, [archive]: schema };
  // Every even ticket's copy is too large for DynamoDB (over 400 KB): rejected on its own.
  const big = 'x'.repeat(410 * 1024);
  const ops = moves(items, source, archive).map((op) =>
    op.kind === 'put' && Number(idOf(op.item).slice(-6)) % 2 === 0
      ? { ...op, item: { ...op.item, pad: { S: big } } }
      : op,
  );
  const report = await executeCommit(stack.client, ops, schemas, { backoff: fast });
  expect(report.failed).toHaveLength(10);
  expect(report.held).toHaveLength(10);
  expect(report.written).toHaveLength(20);
  expect(await lost(items, [source, archive])).toEqual([]);
  const left = (await scanAll(stack.direct, source)).map(idOf).sort();
  expect(left).toEqual(items.map(idOf).filter((id) => Number(id.slice(-6)) % 2 === 0));
});

test('a key change in one table: the old item goes only after the new one is written', async () => {
  const t = await tableWith([sampleItem(1, 'old')]);
  const moved = { ...sampleItem(1, 'old'), id: { S: 'new-000001' } };
  const order: string[] = [];
  stack.proxy.onBatchWrite = (body) => {
    for (const reqs of Object.values(body.RequestItems)) {
      for (const r of reqs) order.push('DeleteRequest' in r ? 'delete' : 'put');
    }
  };
  const ops: PlanInput[] = [
    { id: 'del', table: t, kind: 'delete', key: { id: { S: 'old-000001' } }, after: 'put' },
    { id: 'put', table: t, kind: 'put', item: moved },
  ];
  const report = await executeCommit(stack.client, ops, { [t]: schema }, { backoff: fast });
  expect(report.written.sort()).toEqual(['del', 'put']);
  expect(order).toEqual(['put', 'delete']);
  expect((await scanAll(stack.direct, t)).map(idOf)).toEqual(['new-000001']);
});

test('AccessDenied on the archive: paused without bisecting, deletes held, nothing lost', async () => {
  const source = await tableWith(items100);
  const archive = await tableWith([]);
  stack.proxy.setConfig({ deny: [{ table: archive, error: 'AccessDeniedException' }] });
  const report = await executeCommit(
    stack.client,
    moves(items100, source, archive),
    { [source]: schema, [archive]: schema },
    { backoff: fast },
  );
  expect(report.paused).toHaveLength(100);
  expect(report.paused[0]?.reason).toMatch(
    new RegExp(`^paused: not authorized to write ${archive}`),
  );
  expect(report.held).toHaveLength(100);
  expect(report.failed).toEqual([]);
  // 100 puts plan as 4 calls: the first refusal pauses the table, so no call is split.
  expect(stack.proxy.counters.calls.BatchWriteItem).toBeLessThanOrEqual(4);
  expect(await lost(items100, [source, archive])).toEqual([]);
  expect(await scanAll(stack.direct, source)).toHaveLength(100);
});
