import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN } from '../../test-support/faultProxy/proxy';
import type { KeySchema } from '../../shared/dynamo/types';
import type { PlanInput } from '../../shared/plan/types';
import { executeCommit } from './executor';
import { JournalWriter, loadJournal } from './journal';
import { resumeCommit } from './resume';
import { createTable, samplePuts, scanAll, startStack, type Stack } from '../../test-support/fixtures/commitStack';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const fast = { baseMs: 1, capMs: 20 };
let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startStack(3);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-journal-'));
});
afterAll(async () => {
  await stack.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  stack.proxy.setConfig(CLEAN);
  stack.proxy.resetCounters();
});

const puts = (t: string, n: number): PlanInput[] => samplePuts(t, n);

test('the plan is on disk before the first request; each response appends a line', async () => {
  await createTable(stack.direct, 'JournalA', schema);
  const file = path.join(dir, 'a.jsonl');
  let headerSeenByFirstCall = false;
  stack.proxy.onBatchWrite = () => {
    stack.proxy.onBatchWrite = null;
    // Synchronous on purpose: the file must already hold the whole plan when a call arrives.
    headerSeenByFirstCall = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]).ops.length === 60;
  };
  const report = await executeCommit(
    stack.client,
    puts('JournalA', 60),
    { JournalA: schema },
    { journal: { path: file } },
  );
  expect(headerSeenByFirstCall).toBe(true);
  expect(report.written).toHaveLength(60);
  const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({
    journal: 'dynostage-commit',
    version: 1,
    keySchemas: { JournalA: schema },
  });
  expect(
    lines
      .slice(1)
      .flatMap((l) => (JSON.parse(l) as { written: string[] }).written)
      .sort(),
  ).toEqual(report.written.sort());
  const loaded = await loadJournal(file);
  expect(loaded.pending).toEqual([]);
  expect(loaded.tornTail).toBe(false);
  await expect(fs.readdir(dir)).resolves.not.toContain(expect.stringMatching(/\.tmp$/));
});

test('abort midway, then resume from the journal: everything written, pending ones resent', async () => {
  await createTable(stack.direct, 'JournalB', schema);
  const file = path.join(dir, 'b.jsonl');
  const ops = puts('JournalB', 1000);
  stack.proxy.setConfig({ latencyMs: 10, unprocessedFraction: 0.2 });
  const ctl = new AbortController();
  let n = 0;
  const first = await executeCommit(
    stack.client,
    ops,
    { JournalB: schema },
    { journal: { path: file }, signal: ctl.signal, backoff: fast, concurrency: 2 },
    {
      onOutcome: () => {
        if (++n === 300) ctl.abort();
      },
    },
  );
  expect(first.canceled.length).toBeGreaterThan(0);

  const loaded = await loadJournal(file);
  expect(loaded.written.size).toBe(first.written.length);
  expect(loaded.pending.map((o) => o.id).sort()).toEqual(first.canceled.sort());

  stack.proxy.setConfig({ latencyMs: 0 });
  const resumed = await resumeCommit(stack.client, file, { backoff: fast });
  expect(resumed.failed).toEqual([]);
  expect(resumed.alreadyWritten).toBe(first.written.length);
  expect(resumed.written.sort()).toEqual(first.canceled.sort());
  expect(resumed.resent.sort()).toEqual(first.canceled.sort());
  expect(await scanAll(stack.direct, 'JournalB')).toHaveLength(1000);
  expect((await loadJournal(file)).pending).toEqual([]);
});

test('a torn last line is ignored, cut off on resume, and the journal stays readable', async () => {
  await createTable(stack.direct, 'JournalC', schema);
  const file = path.join(dir, 'c.jsonl');
  const ops = puts('JournalC', 10);
  const header = {
    journal: 'dynostage-commit' as const,
    version: 1 as const,
    createdAt: '',
    keySchemas: { JournalC: schema },
    ops,
  };
  const w = await JournalWriter.create(file, header);
  w.append({ written: ['op0', 'op1'] });
  w.append({ failed: [{ id: 'op2', reason: 'ValidationException: nope' }] });
  await w.close();
  await fs.appendFile(file, '{"written":["op3","op'); // killed mid-write

  const loaded = await loadJournal(file);
  expect(loaded.tornTail).toBe(true);
  expect([...loaded.written]).toEqual(['op0', 'op1']);
  expect(loaded.failed.get('op2')).toBe('ValidationException: nope');
  expect(loaded.pending.map((o) => o.id)).toEqual([
    'op2',
    'op3',
    'op4',
    'op5',
    'op6',
    'op7',
    'op8',
    'op9',
  ]);

  const resumed = await resumeCommit(stack.client, file);
  expect(resumed.written).toHaveLength(8);
  const after = await loadJournal(file);
  expect(after.tornTail).toBe(false);
  expect(after.pending).toEqual([]);
  // The first two were never sent in this test, so only the eight are on the server.
  expect(await scanAll(stack.direct, 'JournalC')).toHaveLength(8);
});

test('a last line complete but for its newline counts; corruption elsewhere is an error', async () => {
  const file = path.join(dir, 'd.jsonl');
  const header = {
    journal: 'dynostage-commit',
    version: 1,
    createdAt: '',
    keySchemas: {},
    ops: puts('X', 3),
  };
  await fs.writeFile(file, JSON.stringify(header) + '\n{"written":["op0"]}');
  expect((await loadJournal(file)).pending.map((o) => o.id)).toEqual(['op1', 'op2']);
  await fs.writeFile(file, JSON.stringify(header) + '\n{"writ\n{"written":["op0"]}\n');
  await expect(loadJournal(file)).rejects.toThrow(/line 2 is corrupt/);
  await fs.writeFile(file, 'hello\n');
  await expect(loadJournal(file)).rejects.toThrow(/not a DynoStage commit journal/);
});

test('a null line, a hand-added op of a bad shape or an unknown attribute type is refused with its line', async () => {
  const file = path.join(dir, 'e.jsonl');
  const header = { journal: 'dynostage-commit', version: 1, createdAt: '', keySchemas: {}, ops: puts('X', 2) };
  await fs.writeFile(file, JSON.stringify(header) + '\n{"written":["op0"]}\nnull\n');
  await expect(loadJournal(file)).rejects.toThrow(/^line 3 is not an outcome line/);
  const badOp = { ...header, ops: [...header.ops, { id: 'evil', table: 'X', kind: 'put' }] };
  await fs.writeFile(file, JSON.stringify(badOp) + '\n');
  await expect(loadJournal(file)).rejects.toThrow(/^line 1 \(the plan\) does not validate \(ops\.2\.item/);
  const badType = { ...header, ops: [{ id: 'x', table: 'X', kind: 'put', item: { id: { Q: 'a' } } }] };
  await fs.writeFile(file, JSON.stringify(badType) + '\n');
  await expect(loadJournal(file)).rejects.toThrow(/^line 1 \(the plan\) does not validate \(ops\.0\.item\.id/);
  await fs.writeFile(file, 'null\n');
  await expect(loadJournal(file)).rejects.toThrow(/^line 1 is not a DynoStage commit journal/);
});
