/**
 * `apply --resume` checks the journal as the app does (issue 11 point 9): an edited plan, a
 * missing hash, a line that does not validate or another connection is refused with a message,
 * exit 1, and not one call reaches the table.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CLEAN } from '../test-support/faultProxy/proxy';
import { loadJournal } from '../server/commitEngine/journal';
import { createTable, sampleItem, scanAll, startStack, type Stack } from '../test-support/fixtures/commitStack';

const ROOT = path.resolve(__dirname, '..');
let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startStack(17);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-cli-resume-'));
});
afterAll(async () => {
  await stack.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  stack.proxy.setConfig(CLEAN);
  stack.proxy.resetCounters();
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const calls = () => Object.values(stack.proxy.counters.calls).reduce((a, b) => a + (b ?? 0), 0);

test('apply --resume refuses an edited, unsigned, invalid or foreign journal before any call; the good one finishes', async () => {
  await createTable(stack.direct, 'CliResume', { partitionKey: { name: 'id', type: 'S' } });
  const items = Array.from({ length: 100 }, (_, i) => sampleItem(i, 'res'));
  const file = path.join(dir, 'changes.jsonl');
  await fs.writeFile(file, items.map((put) => JSON.stringify({ table: 'CliResume', put })).join('\n') + '\n');
  const journal = path.join(dir, 'j.jsonl');
  // Interrupted: the table refuses writes after the first call, the commit pauses with a journal.
  stack.proxy.setConfig({ deny: [{ table: 'CliResume', operations: ['BatchWriteItem'], error: 'AccessDeniedException', afterCalls: 1 }] });
  const first = await cli(['apply', file, '--endpoint', stack.proxy.endpoint, '--journal', journal, '--concurrency', '1']);
  expect(first.code).toBe(2);
  expect(first.stdout).toMatch(/written 25, failed 0, paused 75/);
  expect(first.stdout).toMatch(/not authorized to write CliResume.*then Resume/);
  expect(first.stdout).toContain(`resume with: dynostage apply --resume ${journal}`);
  const pending = (await loadJournal(journal)).pending.length;
  expect(pending).toBeGreaterThan(0);
  stack.proxy.setConfig(CLEAN);

  const text = await fs.readFile(journal, 'utf8');
  const [head, ...rest] = text.split('\n');
  const header = JSON.parse(head!);
  const variant = async (name: string, h: unknown, tail = rest) => {
    const p = path.join(dir, name);
    await fs.writeFile(p, [JSON.stringify(h), ...tail].join('\n'));
    return p;
  };
  const edited = structuredClone(header);
  edited.ops[edited.ops.length - 1].item.payload = { S: 'changed by hand' };
  const unsigned = { ...header, hash: undefined };
  const cases: [string, string, RegExp][] = [
    [await variant('edited.jsonl', edited), stack.proxy.endpoint, /was changed after it was written \(its plan no longer matches the sha256 written with it\)/],
    [await variant('unsigned.jsonl', unsigned), stack.proxy.endpoint, /its plan carries no hash/],
    [await variant('bad-line.jsonl', header, [...rest.slice(0, -1), '{"written":[7]}', '']), stack.proxy.endpoint, /is not valid \(line \d+ is not an outcome line/],
    [journal, `${stack.proxy.endpoint}/`, /it was planned for "endpoint http:\/\/127\.0\.0\.1:\d+, region us-east-1, profile \(default credentials\)", not "endpoint http:\/\/127\.0\.0\.1:\d+\/, region us-east-1/],
  ];
  for (const [j, endpoint, message] of cases) {
    stack.proxy.resetCounters();
    const run = await cli(['apply', '--resume', j, '--endpoint', endpoint]);
    expect(run.stderr, j).toMatch(message);
    expect(run.stderr).toMatch(/Nothing was sent\./);
    expect(run.code).toBe(1);
    expect(calls()).toBe(0);
  }
  const foreignRegion = await cli(['apply', '--resume', journal, '--endpoint', stack.proxy.endpoint, '--region', 'eu-west-1']);
  expect(foreignRegion.code).toBe(1);
  expect(foreignRegion.stderr).toMatch(/not "endpoint .*, region eu-west-1/);

  const good = await cli(['apply', '--resume', journal, '--endpoint', stack.proxy.endpoint, '--json']);
  expect(good.code).toBe(0);
  expect(await scanAll(stack.direct, 'CliResume')).toHaveLength(100);
});
