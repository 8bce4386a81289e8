/** An exported guarded plan applied by `dynostage apply` against dynalite: what the app would do. */
import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toSdkItem } from '../server/sdk/convert';
import { createTable, scanAll, useStack } from '../test-support/fixtures/commitStack';
import { changeFiles } from '../shared/changes/changeFile';
import { withPlanHeader } from '../shared/changes/planFileId';
import type { StagedChange } from '../shared/changes/types';
import type { Item } from '../shared/dynamo/types';
import { runCli, summaryOf } from './testRun';

const stack = useStack(47);
let dir: string;
let n = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-cli-guarded-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/**
 * A table holding one ticket, and the exported guarded plan file of the review that edited its
 * status from "open" to "resolved".
 */
async function exportedEdit() {
  const table = `Guarded${++n}`;
  await createTable(stack.direct, table, { partitionKey: { name: 'id', type: 'S' } });
  const original: Item = { id: { S: 't1' }, status: { S: 'open' }, note: { S: 'first' } };
  await stack.direct.send(new PutItemCommand({ TableName: table, Item: toSdkItem(original) }));
  const edited: Item = { ...original, status: { S: 'resolved' } };
  const changes = new Map<string, StagedChange>([
    [
      'u',
      {
        kind: 'update',
        connectionId: 'c',
        table,
        key: { id: { S: 't1' } },
        original,
        item: edited,
      },
    ],
  ]);
  const [f] = changeFiles(changes, new Map(), { mode: 'guarded' });
  const file = path.join(dir, `${table}-dynostage-plan.jsonl`);
  await fs.writeFile(file, withPlanHeader(f!.text));
  const otherWriter = (attr: string, value: string) =>
    stack.direct.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: 't1' } },
        UpdateExpression: 'SET #a = :v',
        ExpressionAttributeNames: { '#a': attr },
        ExpressionAttributeValues: { ':v': { S: value } },
      }),
    );
  const apply = () => runCli(['apply', file, '--endpoint', stack.proxy.endpoint, '--json']);
  return { table, file, otherWriter, apply };
}

test('another writer changed the edited attribute: a conflict, and their value stays', async () => {
  const job = await exportedEdit();
  await job.otherWriter('status', 'escalated');
  const run = await job.apply();
  expect(run.code).toBe(2);
  expect(summaryOf(run)).toMatchObject({ written: 0, conflicts: 1, conflicted: ['line 2'] });
  expect(run.stderr).toContain('line 2');
  expect(await scanAll(stack.direct, job.table)).toEqual([
    { id: { S: 't1' }, status: { S: 'escalated' }, note: { S: 'first' } },
  ]);
});

test('another writer changed a different attribute: both changes survive', async () => {
  const job = await exportedEdit();
  await job.otherWriter('note', 'second');
  const run = await job.apply();
  expect(run.code).toBe(0);
  expect(summaryOf(run)).toMatchObject({ written: 1, conflicts: 0 });
  expect(await scanAll(stack.direct, job.table)).toEqual([
    { id: { S: 't1' }, status: { S: 'resolved' }, note: { S: 'second' } },
  ]);
});

test('plan tells the guarded writes from the batch writes', async () => {
  const job = await exportedEdit();
  const run = await runCli(['plan', job.file, '--endpoint', stack.proxy.endpoint]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('0 puts, 0 deletes -> 0 BatchWriteItem requests');
  expect(run.stdout).toContain(
    '1 guarded write (a conditional single-item call each: written only if the item is still as loaded)',
  );
});
