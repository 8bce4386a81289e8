import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withPlanHeader } from '../shared/changes/planFileId';
import { parseCli } from './args';
import { readChanges } from './input';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-planid-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const exported = withPlanHeader('{"table":"T","put":{"id":{"S":"a"}}}\n{"table":"T","delete":{"id":{"S":"b"}}}\n');

test('an exported plan reads as its changes; a hand-edited one is refused unless --force', async () => {
  const file = join(dir, 'dynostage-plan.jsonl');
  await writeFile(file, exported);
  expect(await readChanges([file])).toEqual([
    { id: 'line 2', table: 'T', kind: 'put', item: { id: { S: 'a' } } },
    { id: 'line 3', table: 'T', kind: 'delete', key: { id: { S: 'b' } } },
  ]);

  await writeFile(file, exported.replace('"S":"b"', '"S":"everything"'));
  await expect(readChanges([file])).rejects.toThrow(
    `${file}: the plan was edited after DynoStage exported it (the same 2 lines in number, not in content); export it again, or pass --force to apply it as it is`,
  );
  const warnings: string[] = [];
  const args = parseCli(['apply', file, '--force']);
  expect(args).toMatchObject({ force: true });
  const ops = await readChanges([file], 'force' in args && args.force, (m) => {
    warnings.push(m);
  });
  expect(ops[1]).toMatchObject({ kind: 'delete', key: { id: { S: 'everything' } } });
  expect(warnings).toEqual([`warning: ${file}: the plan was edited after DynoStage exported it (the same 2 lines in number, not in content); applied as it is (--force)`]);
});

test('a hand-edited "expect" is refused unless --force', async () => {
  const file = join(dir, 'guarded-plan.jsonl');
  const plan = withPlanHeader(
    '{"table":"T","put":{"id":{"S":"a"},"n":{"N":"2"}},"expect":{"id":{"S":"a"},"n":{"N":"1"}}}\n',
  );
  await writeFile(file, plan);
  expect(await readChanges([file])).toMatchObject([{ guard: { base: { n: { N: '1' } } } }]);
  await writeFile(file, plan.replace('"N":"1"', '"N":"5"'));
  await expect(readChanges([file])).rejects.toThrow(/edited after DynoStage exported it/);
  expect(await readChanges([file], true, () => {})).toMatchObject([
    { guard: { base: { n: { N: '5' } } } },
  ]);
});
