/**
 * The exported script run for real: sh (dash) with the real AWS CLI against dynalite, and against
 * the fault proxy where a put must come back unprocessed.
 */
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import {
  localClient,
  startDynalite,
  type LocalDynamo,
} from '../../test-support/servers/dynalite';
import { applyEdit } from '../changes/apply';
import { emptyStaging, tableRef } from '../changes/types';
import type { Edit } from '../changes/types';
import type { ConnectionInfo } from '../contract/connections';
import type { KeySchema } from '../dynamo/types';
import { ExportPlanError, SCRIPT_NAME, exportPlanFiles } from './exportPlan';
import { PlannerSession } from '../plan/session';
import { planStaged } from './planStaged';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
let db: LocalDynamo;
let proxy: FaultProxy;
let dir: string;

beforeAll(async () => {
  db = await startDynalite();
  proxy = await startFaultProxy(db.endpoint);
  await localClient(db.endpoint).send(
    new CreateTableCommand({
      TableName: 'Tbl',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});
afterAll(async () => {
  await proxy.close();
  await db.close();
});

function conn(id: string, name: string, endpoint: string): ConnectionInfo {
  return { id, name, kind: 'endpoint', source: 'saved', region: 'us-east-1', endpoint };
}

/** Stages a key change: put at `to`, delete `from` (whose image exists in the table). */
function keyChange(connectionId: string, from: string, to: string) {
  const schemas = { [tableRef(connectionId, 'Tbl')]: schema };
  const edits: Edit[] = [
    // The delete is staged first: the script must still run the put before it.
    {
      type: 'deleteItem',
      target: {
        connectionId,
        table: 'Tbl',
        key: { id: { S: from } },
        original: { id: { S: from } },
      },
    },
    { type: 'putItem', connectionId, table: 'Tbl', item: { id: { S: to }, moved: { BOOL: true } } },
  ];
  return planStaged(
    applyEdit(emptyStaging, { type: 'batch', edits }, schemas).changes,
    schemas,
    new PlannerSession(),
  );
}

async function runScript(files: { name: string; json: string }[]) {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-plan-'));
  for (const f of files) await writeFile(join(dir, f.name), f.json);
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      'sh',
      [SCRIPT_NAME],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
        },
      },
      (err, _stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }),
    );
  });
}

async function exists(id: string): Promise<boolean> {
  const got = await localClient(db.endpoint).send(
    new GetItemCommand({ TableName: 'Tbl', Key: { id: { S: id } } }),
  );
  return got.Item !== undefined;
}

const seed = (id: string) =>
  localClient(db.endpoint).send(new PutItemCommand({ TableName: 'Tbl', Item: { id: { S: id } } }));

describe('the exported batch-write-items.sh, run by sh with the AWS CLI', () => {
  it('runs the copy, then the delete, and never runs text from a connection name', async () => {
    await seed('a');
    const name = "x\ntouch PWNED\n$(touch PWNED2)`touch PWNED3`'; touch PWNED4 #";
    const files = exportPlanFiles(keyChange('c1', 'a', 'b'), [conn('c1', name, db.endpoint)]);
    const { code, stderr } = await runScript(files);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const f of ['PWNED', 'PWNED2', 'PWNED3', 'PWNED4'])
      expect(existsSync(join(dir, f))).toBe(false);
    expect(await exists('b')).toBe(true);
    expect(await exists('a')).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('stops before the delete when the copy comes back unprocessed', async () => {
    await seed('c');
    proxy.setConfig({ unprocessedFraction: 1 });
    try {
      const files = exportPlanFiles(keyChange('c2', 'c', 'd'), [
        conn('c2', 'Faulty', proxy.endpoint),
      ]);
      const { code, stderr } = await runScript(files);
      expect(code).toBe(3);
      expect(stderr).toContain('left UnprocessedItems');
      expect(await exists('c')).toBe(true); // never deleted: its copy was not written
      expect(await exists('d')).toBe(false);
    } finally {
      proxy.setConfig({ unprocessedFraction: 0 });
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to export changes of a connection it does not know', () => {
    const plan = keyChange('gone', 'e', 'f');
    expect(() => exportPlanFiles(plan, [conn('other', 'Other', db.endpoint)])).toThrow(
      ExportPlanError,
    );
    expect(() => exportPlanFiles(plan, [])).toThrow(/"gone".*not in the connection list/);
  });
});
