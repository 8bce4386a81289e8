import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { itemsEquivalent } from '../server/commitEngine/equivalent';
import {
  createTable,
  idOf,
  sampleItem,
  scanAll,
  useStack,
} from '../test-support/fixtures/commitStack';
import { runCli, summaryOf, writeLines } from './testRun';

const stack = useStack(31);
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dynostage-cli-defaults-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** `n` puts into a new table through a table that hands back most writes; the run's summary. */
async function applyThroughLoss(table: string, n: number, extra: string[]) {
  await createTable(stack.direct, table, { partitionKey: { name: 'id', type: 'S' } });
  const items = Array.from({ length: n }, (_, i) => sampleItem(i, table));
  const file = await writeLines(
    dir,
    `${table}.jsonl`,
    items.map((put) => ({ table, put })),
  );
  // Accepts about 40% of what it is sent: heavy, but every retry has a good chance.
  stack.proxy.setConfig({ unprocessedFraction: 0.6, dropBeforeFraction: 0.01 });
  const args = ['apply', file, '--endpoint', stack.proxy.endpoint, '--json', '--backoff-cap', '50'];
  const run = await runCli([...args, ...extra]);
  return { run, s: summaryOf(run), items };
}

test('default options keep retrying while the table accepts writes: nothing fails', async () => {
  const { run, s, items } = await applyThroughLoss('Heavy', 1000, []);
  expect(s.failures).toEqual([]);
  expect(run.code).toBe(0);
  expect(s).toMatchObject({ written: 1000, failed: 0, canceled: 0 });
  const server = await scanAll(stack.direct, 'Heavy');
  const staged = new Map(items.map((i) => [idOf(i), i]));
  expect(server).toHaveLength(1000);
  expect(server.filter((it) => !itemsEquivalent(it, staged.get(idOf(it)) ?? {}))).toEqual([]);
});

test('the deprecated --max-rounds still fails operations after that many rounds', async () => {
  // At 60% loss about 0.4% of operations need more than 10 rounds (the old default failed about
  // 4 of these 1,000) and about 5% more than 5.
  const { run, s } = await applyThroughLoss('Rounds', 1000, ['--max-rounds', '5']);
  expect(run.code).toBe(2);
  expect(s.failed).toBeGreaterThan(0);
  expect(s.failures[0]?.reason).toMatch(/unprocessed after 5/);
});
