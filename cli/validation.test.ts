import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN } from '../test-support/faultProxy/proxy';
import { scanAll, startStack, type Stack } from '../test-support/fixtures/commitStack';
import { INVALID_ITEMS } from '../shared/validation/invalidItems';
import type { Io } from './apply';
import { escapeControls } from './escape';
import { main } from './main';

const WRITES = ['BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems'];
let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startStack(9);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-cli-rules-'));
  await stack.direct.send(
    new CreateTableCommand({
      TableName: 'Rules',
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
        { AttributeName: 'status', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});
afterAll(async () => {
  await stack.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  stack.proxy.setConfig(CLEAN);
  stack.proxy.resetCounters();
});

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { AWS_ACCESS_KEY_ID: '' },
    onInterrupt: () => () => {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function changesFile(name: string, lines: unknown[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

const writeCalls = () => WRITES.reduce((s, op) => s + (stack.proxy.counters.calls[op] ?? 0), 0);

test.each(INVALID_ITEMS)(
  'apply and plan refuse %s: zero write calls, no files',
  async (_r, item, code) => {
    const file = await changesFile(`${code}.jsonl`, [
      { table: 'Rules', put: { id: { S: 'fine' }, at: { N: '1' } } },
      { table: 'Rules', put: item },
    ]);
    const apply = await run(['apply', file, '--endpoint', stack.proxy.endpoint]);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(
      /^dynostage: Nothing was sent: 1 problem DynamoDB would reject\.\nRules \[.*\] \(line 2\): /,
    );
    const out = path.join(dir, `out-${code}`);
    const plan = await run([
      'plan',
      file,
      '--endpoint',
      stack.proxy.endpoint,
      '--out',
      out,
      '--json',
    ]);
    expect(plan.code).toBe(1);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      invalid: [{ id: 'line 2', table: 'Rules', code }],
    });
    await expect(fs.stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(writeCalls()).toBe(0);
    expect(await scanAll(stack.direct, 'Rules')).toEqual([]);
  },
);

test('every problem of a file is listed, each with its line, table, key and attribute', async () => {
  const file = await changesFile(
    'all.jsonl',
    INVALID_ITEMS.map(([, put]) => ({ table: 'Rules', put })),
  );
  const r = await run(['apply', file, '--endpoint', stack.proxy.endpoint]);
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toBe(
    `dynostage: Nothing was sent: ${INVALID_ITEMS.length} problems DynamoDB would reject.`,
  );
  expect(lines.slice(1)).toHaveLength(INVALID_ITEMS.length);
  expect(lines[2]).toBe('Rules [at=1] (line 2): Partition key id is missing.');
  expect(writeCalls()).toBe(0);
});

test('a leading + on a number is accepted, and written as the same number', async () => {
  const file = await changesFile('plus.jsonl', [
    { table: 'Rules', put: { id: { S: 'plus' }, at: { N: '+3' }, n: { NS: ['+1.5', '2'] } } },
  ]);
  const r = await run(['apply', file, '--endpoint', stack.proxy.endpoint]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(await scanAll(stack.direct, 'Rules')).toEqual([
    { id: { S: 'plus' }, at: { N: '3' }, n: { NS: ['1.5', '2'] } },
  ]);
});

test('control characters from a change file reach the terminal escaped', async () => {
  const file = await changesFile('ctl.jsonl', [
    { table: 'Rules', put: { id: { S: 'evil\x1b[2J\x07' }, at: { N: '1' }, s: { SS: [] } } },
  ]);
  const r = await run(['apply', file, '--endpoint', stack.proxy.endpoint]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('id=evil\\u001b[2J\\u0007');
  expect(escapeControls(r.stderr)).toBe(r.stderr);
});
