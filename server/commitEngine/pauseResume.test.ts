import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import type { PlanInput } from '../../shared/plan/types';
import { toSdkItem } from '../sdk/convert';
import { createTable, idOf, sampleItem, scanAll, useStack } from '../../test-support/fixtures/commitStack';
import { executeCommit } from './executor';
import { resumeCommit } from './resume';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const fast = { baseMs: 1, capMs: 5 };
const stack = useStack(13);
const dirs: string[] = [];
let tableNo = 0;

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tableWith(items: Item[]): Promise<string> {
  const name = `PauseResume${++tableNo}`;
  await createTable(stack.direct, name, schema);
  for (let i = 0; i < items.length; i += 25) {
    const reqs = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    await stack.direct.send(new BatchWriteItemCommand({ RequestItems: { [name]: reqs } }));
  }
  return name;
}

/** Moves as the app plans them in guarded mode: a batch put, then a guarded delete after it. */
function moves(items: Item[], from: string, to: string): PlanInput[] {
  return [
    ...items.map((item): PlanInput => ({ id: `put:${idOf(item)}`, table: to, kind: 'put', item })),
    ...items.map((item): PlanInput => ({
      id: `del:${idOf(item)}`,
      table: from,
      kind: 'delete',
      key: { id: item.id! },
      after: `put:${idOf(item)}`,
      guard: { base: item },
    })),
  ];
}

const items = Array.from({ length: 40 }, (_, i) => sampleItem(i, 'ticket'));

test('a move paused by AccessDenied on the archive: Resume from the journal sends the copies, then the held deletes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pause-resume-'));
  dirs.push(dir);
  const path = join(dir, 'c.journal');
  const source = await tableWith(items);
  const archive = await tableWith([]);
  const schemas = { [source]: schema, [archive]: schema };
  stack.proxy.setConfig({ deny: [{ table: archive, error: 'AccessDeniedException' }] });
  const first = await executeCommit(stack.client, moves(items, source, archive), schemas, {
    backoff: fast,
    journal: { path },
  });
  expect(first.paused).toHaveLength(40);
  expect(first.held).toHaveLength(40);

  stack.proxy.setConfig({ deny: [] });
  const again = await resumeCommit(stack.client, path, { backoff: fast });
  expect(again.written).toHaveLength(80);
  expect(again.held).toEqual([]);
  expect(await scanAll(stack.direct, source)).toEqual([]);
  expect((await scanAll(stack.direct, archive)).map(idOf).sort()).toEqual(items.map(idOf).sort());
});
