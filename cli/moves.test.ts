import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toSdkItem } from '../server/sdk/convert';
import {
  createTable,
  idOf,
  sampleItem,
  scanAll,
  useStack,
} from '../test-support/fixtures/commitStack';
import type { Item } from '../shared/dynamo/types';
import { runCli, summaryOf, writeLines } from './testRun';

const schema = { partitionKey: { name: 'id', type: 'S' as const } };
const stack = useStack(21);
let dir: string;
let tableNo = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-cli-moves-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A source table holding `n` tickets, an empty archive, and the move lines between them. */
async function archiveJob(n: number) {
  const source = `MoveSrc${++tableNo}`;
  const archive = `MoveDst${tableNo}`;
  await createTable(stack.direct, source, schema);
  await createTable(stack.direct, archive, schema);
  const items = Array.from({ length: n }, (_, i) => sampleItem(i, `t${tableNo}`));
  for (let i = 0; i < items.length; i += 25) {
    const reqs = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    await stack.direct.send(new BatchWriteItemCommand({ RequestItems: { [source]: reqs } }));
  }
  const file = await writeLines(
    dir,
    `${source}.jsonl`,
    items.map((item) => ({ table: source, move: { to: archive, item } })),
  );
  return { source, archive, items, file };
}

/** Items in neither table, by id. */
async function lost(items: Item[], tables: string[]): Promise<string[]> {
  const there = new Set<string>();
  for (const t of tables) for (const it of await scanAll(stack.direct, t)) there.add(idOf(it));
  return items.map(idOf).filter((id) => !there.has(id));
}

function countDeletesSent(): () => number {
  let deletes = 0;
  stack.proxy.onBatchWrite = (body) => {
    for (const reqs of Object.values(body.RequestItems)) {
      deletes += reqs.filter((r) => 'DeleteRequest' in r).length;
    }
  };
  return () => deletes;
}

test('move lines: every item copied, then deleted from its table (exit 0)', async () => {
  const job = await archiveJob(60);
  stack.proxy.setConfig({ unprocessedFraction: 0.3 });
  const run = await runCli(['apply', job.file, '--endpoint', stack.proxy.endpoint, '--json']);
  expect(run.code).toBe(0);
  expect(summaryOf(run)).toMatchObject({ written: 120, failed: 0, held: 0 });
  expect(await scanAll(stack.direct, job.source)).toEqual([]);
  expect((await scanAll(stack.direct, job.archive)).map(idOf).sort()).toEqual(
    job.items.map(idOf).sort(),
  );
});

test('the archive refuses writes (AccessDenied): no delete is sent, each is held, nothing lost', async () => {
  const job = await archiveJob(40);
  const deletes = countDeletesSent();
  stack.proxy.setConfig({
    deny: [{ table: job.archive, operations: ['BatchWriteItem'], error: 'AccessDeniedException' }],
  });
  const run = await runCli(['apply', job.file, '--endpoint', stack.proxy.endpoint, '--json']);
  expect(run.code).toBe(2);
  const s = summaryOf(run);
  expect(s).toMatchObject({ written: 0, held: 40 });
  expect(s.holds[0]?.reason).toMatch(
    // The engine pauses the table on a call-wide error; the hold names the pause and the service's answer.
    new RegExp(`^held: the copy to ${job.archive} was not written: paused: not authorized to write ${job.archive} \\(AccessDeniedException`),
  );
  expect(deletes()).toBe(0);
  expect(await lost(job.items, [job.source, job.archive])).toEqual([]);
  expect(await scanAll(stack.direct, job.source)).toHaveLength(40);
});

test('every archive write comes back unprocessed: the time budget stops the run, nothing lost', async () => {
  const job = await archiveJob(30);
  const deletes = countDeletesSent();
  stack.proxy.setConfig({ unprocessedTables: [job.archive] });
  const run = await runCli([
    'apply',
    job.file,
    '--endpoint',
    stack.proxy.endpoint,
    '--json',
    '--time-budget',
    '2',
    '--backoff-cap',
    '200',
  ]);
  expect(run.code).toBe(2);
  const s = summaryOf(run);
  expect(s.written).toBe(0);
  expect(s.stopped).toBe('no operation was written for 2 s (--time-budget)');
  expect(deletes()).toBe(0);
  expect(await lost(job.items, [job.source, job.archive])).toEqual([]);
});

test('a move to a table that does not exist holds its delete without sending it', async () => {
  const job = await archiveJob(5);
  const file = await writeLines(
    dir,
    'nowhere.jsonl',
    job.items.map((item) => ({ table: job.source, move: { to: 'NoSuchArchive', item } })),
  );
  const deletes = countDeletesSent();
  const run = await runCli(['apply', file, '--endpoint', stack.proxy.endpoint, '--json']);
  expect(run.code).toBe(2);
  const s = summaryOf(run);
  expect(s).toMatchObject({ written: 0, failed: 5, held: 5 });
  expect(s.holds[0]?.reason).toBe(
    'held: the copy to NoSuchArchive was not written: ResourceNotFoundException: table "NoSuchArchive" not found',
  );
  expect(deletes()).toBe(0);
  expect(await scanAll(stack.direct, job.source)).toHaveLength(5);
});

test('move lines are checked: a bad shape is a usage error naming the line', async () => {
  const file = await writeLines(dir, 'badmove.jsonl', [
    { table: 'A', move: { to: 'A', item: { id: { S: 'x' } } } },
  ]);
  const run = await runCli(['apply', file, '--endpoint', stack.proxy.endpoint]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/badmove\.jsonl:1: a move needs a "to" table other than "A"/);
});
