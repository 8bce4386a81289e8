import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN } from '../test-support/faultProxy/proxy';
import { loadJournal } from '../server/commitEngine/journal';
import { itemsEquivalent } from '../server/commitEngine/equivalent';
import {
  createTable,
  idOf,
  sampleItem,
  scanAll,
  startStack,
  type Stack,
} from '../test-support/fixtures/commitStack';
import type { Item } from '../shared/dynamo/types';
import type { Summary } from './summary';

const ROOT = path.resolve(__dirname, '..');
const schema = { partitionKey: { name: 'id', type: 'S' as const } };
let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startStack(5);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-cli-'));
});
afterAll(async () => {
  await stack.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  stack.proxy.setConfig(CLEAN);
  stack.proxy.resetCounters();
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], onSpawn?: (kill: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/dynostage.cjs'), ...args], {
      cwd: dir,
      env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(() => child.kill('SIGKILL'));
  });
}

const lastJson = (out: string) => JSON.parse(out.trimEnd().split('\n').at(-1) ?? '') as Summary;

async function changesFile(name: string, lines: unknown[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

test('apply through unprocessed items, throttling and dropped connections: exit 0, all written', async () => {
  await createTable(stack.direct, 'CliMix', schema);
  const items = Array.from({ length: 1000 }, (_, i) => sampleItem(i, 'cli'));
  const lines = [
    ...items.map((put) => ({ table: 'CliMix', put })),
    { table: 'CliMix', delete: { id: items[7]?.id } },
  ];
  const file = await changesFile('mix.jsonl', lines);
  stack.proxy.setConfig({
    unprocessedFraction: 0.3,
    throttleFraction: 0.1,
    dropBeforeFraction: 0.01,
    dropAfterFraction: 0.01,
  });
  const run = await cli([
    'apply',
    file,
    '--endpoint',
    stack.proxy.endpoint,
    '--json',
    '--max-rounds',
    '20',
  ]);
  expect(run.stderr).not.toMatch(/NodeVersionSupportWarning/);
  expect(run.code).toBe(0);
  const s = lastJson(run.stdout);
  expect(s).toMatchObject({ written: 1000, failed: 0, canceled: 0, superseded: 1, failures: [] });
  expect(s.requests).toBe(stack.proxy.counters.calls.BatchWriteItem);
  expect(s.consumedCapacity).toBe(
    stack.proxy.counters.opsForwarded - stack.proxy.counters.opsDroppedAfter,
  );
  expect(s.rounds).toBeGreaterThan(0);
  expect(s.retried).toBeGreaterThan(0);
  const server = await scanAll(stack.direct, 'CliMix');
  expect(server).toHaveLength(999);
  const staged = new Map(items.map((i) => [idOf(i), i]));
  for (const item of server) expect(itemsEquivalent(item, staged.get(idOf(item)) ?? {})).toBe(true);
  expect(server.some((i) => idOf(i) === idOf(items[7] ?? {}))).toBe(false);
});

test('an invalid item stops the whole apply before any write; missing tables fail their ops', async () => {
  await createTable(stack.direct, 'CliBad', schema);
  const bad = await changesFile('bad.jsonl', [
    { table: 'CliBad', put: { id: { S: 'a' } } },
    { table: 'CliBad', put: { id: { N: '1' } } },
    { table: 'CliBad', put: { id: { S: 'b' } } },
  ]);
  const refused = await cli(['apply', bad, '--endpoint', stack.proxy.endpoint]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(
    /CliBad \[id=1\] \(line 2\): Partition key id must be a string \(S\); it is a number \(N\)\./,
  );
  expect(stack.proxy.counters.calls.BatchWriteItem ?? 0).toBe(0);
  expect(await scanAll(stack.direct, 'CliBad')).toEqual([]);
  const file = await changesFile('missing.jsonl', [
    { table: 'CliBad', put: { id: { S: 'a' } } },
    { table: 'CliBad', put: { id: { S: 'b' } } },
    { table: 'NoSuchTable', put: { id: { S: 'c' } } },
  ]);
  const run = await cli(['apply', file, '--endpoint', stack.proxy.endpoint]);
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(/written 2, failed 1/);
  expect(run.stdout).toMatch(/line 3: ResourceNotFoundException: table "NoSuchTable" not found/);
  expect((await scanAll(stack.direct, 'CliBad')).map(idOf).sort()).toEqual(['a', 'b']);
});

test('usage and setup errors exit 1 with a message, not a stack trace', async () => {
  const missing = await cli([
    'apply',
    path.join(dir, 'nope.jsonl'),
    '--endpoint',
    stack.proxy.endpoint,
  ]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/dynostage: cannot read .*nope\.jsonl: ENOENT/);
  const bad = await changesFile('garbage.jsonl', ['{"table":"T","put":{"id":"x"}}']);
  const garbage = await cli(['apply', bad]);
  expect(garbage.code).toBe(1);
  expect(garbage.stderr).not.toMatch(/\n\s+at /);
});

test('plan --out writes AWS CLI request files, which apply reads back', async () => {
  await createTable(stack.direct, 'CliPlan', schema);
  const file = await changesFile(
    'plan.jsonl',
    Array.from({ length: 60 }, (_, i) => ({ table: 'CliPlan', put: sampleItem(i, 'plan') })),
  );
  const out = path.join(dir, 'requests');
  const planned = await cli([
    'plan',
    file,
    '--endpoint',
    stack.proxy.endpoint,
    '--out',
    out,
    '--json',
  ]);
  expect(planned.code).toBe(0);
  expect(lastJson(planned.stdout)).toMatchObject({ puts: 60, requests: 3, wcu: 60 });
  const files = (await fs.readdir(out)).sort();
  expect(files).toEqual(['request-0001.json', 'request-0002.json', 'request-0003.json']);
  const applied = await cli([
    'apply',
    ...files.map((f) => path.join(out, f)),
    '--endpoint',
    stack.proxy.endpoint,
    '--json',
  ]);
  expect(applied.code).toBe(0);
  // Each item written once (60 WCU); a call resent after a slow answer on a loaded machine is one
  // more request, so the three files are at least three.
  const summary = lastJson(applied.stdout) as { requests: number };
  expect(summary).toMatchObject({ written: 60, consumedCapacity: 60 });
  expect(summary.requests).toBeGreaterThanOrEqual(3);
  expect(await scanAll(stack.direct, 'CliPlan')).toHaveLength(60);
});

test('killed with SIGKILL mid-commit, then apply --resume finishes from the journal', async () => {
  await createTable(stack.direct, 'CliKill', schema);
  const items: Item[] = Array.from({ length: 2000 }, (_, i) => sampleItem(i, 'kill'));
  const file = await changesFile(
    'kill.jsonl',
    items.map((put) => ({ table: 'CliKill', put })),
  );
  const journal = path.join(dir, 'kill.journal');
  stack.proxy.setConfig({ latencyMs: 25, unprocessedFraction: 0.2 });
  let written = 0;
  const killed = await cli(
    ['apply', file, '--endpoint', stack.proxy.endpoint, '--journal', journal, '--concurrency', '1'],
    (kill) => {
      stack.proxy.onBatchWrite = () => {
        // Kill once a few hundred items are in: the journal then has lines to resume from.
        if (++written === 20) {
          stack.proxy.onBatchWrite = null;
          kill();
        }
      };
    },
  );
  expect(killed.signal).toBe('SIGKILL');
  const before = await loadJournal(journal);
  const onServer = (await scanAll(stack.direct, 'CliKill')).length;
  expect(before.written.size).toBeGreaterThan(0);
  expect(before.pending.length).toBeGreaterThan(0);
  expect(before.written.size).toBeLessThanOrEqual(onServer);

  stack.proxy.setConfig({ latencyMs: 0, unprocessedFraction: 0.2 });
  const resumed = await cli([
    'apply',
    '--resume',
    journal,
    '--endpoint',
    stack.proxy.endpoint,
    '--json',
  ]);
  expect(resumed.code).toBe(0);
  const s = lastJson(resumed.stdout);
  expect(s).toMatchObject({
    written: before.pending.length,
    failed: 0,
    resent: before.pending.length,
  });
  expect(await scanAll(stack.direct, 'CliKill')).toHaveLength(2000);
  expect((await loadJournal(journal)).pending).toEqual([]);
});
