/**
 * `dynostage apply --resume` of an Atomic journal (its header has `atomic`) resumes it as
 * transactions with the journal's scope and checks, never as batch writes: a failing
 * ConditionCheck leaves the whole transaction unwritten.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JournalWriter, loadJournal } from '../server/commitEngine/journal';
import { MOTO_REGIONS, motoEndpoint } from '../test-support/servers/motoTest';
import type { AtomicCheck } from '../shared/plan/atomicPlan';
import type { PlanInput } from '../shared/plan/types';
import { cliConnectionId } from './journalCheck';

const ROOT = path.resolve(__dirname, '..');
const moto = motoEndpoint('resumeAtomic.moto.test.ts');
const region = MOTO_REGIONS.cliAtomic;
let dir: string;
let sdk: DynamoDBClient;

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

async function ids(table: string): Promise<string[]> {
  const page = await sdk.send(new ScanCommand({ TableName: table }));
  return (page.Items ?? []).map((i) => i.id!.S!).sort();
}

/** An atomic journal with nothing written yet, planned for this CLI connection. */
async function atomicJournal(name: string, table: string, checks: AtomicCheck[]): Promise<string> {
  const file = path.join(dir, `${name}.journal`);
  const ops: PlanInput[] = ['a', 'b', 'c'].map((id) => ({
    id: `${table}/${id}`,
    table,
    kind: 'put',
    item: { id: { S: id }, n: { N: '1' } },
  }));
  const w = await JournalWriter.create(file, {
    journal: 'dynostage-commit',
    version: 1,
    createdAt: new Date().toISOString(),
    keySchemas: { [table]: { partitionKey: { name: 'id', type: 'S' } } },
    ops,
    atomic: { scope: 'all', checks },
    connectionId: cliConnectionId({ endpoint: moto! }, region),
  });
  await w.close();
  return file;
}

describe.skipIf(!moto)('apply --resume of an Atomic journal', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dynostage-cli-atomic-'));
    sdk = new DynamoDBClient({ endpoint: moto, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    for (const t of ['held', 'sent']) {
      await sdk.send(
        new CreateTableCommand({
          TableName: t,
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
  });
  afterAll(async () => {
    sdk?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a failing ConditionCheck in the journal keeps every item of the transaction unwritten', async () => {
    const file = await atomicJournal('held', 'held', [{ table: 'held', key: { id: { S: 'gate' } }, expect: 'exists' }]);
    const run = await cli(['apply', '--resume', file, '--endpoint', moto!, '--region', region]);
    expect(await ids('held')).toEqual([]); // batch writes would have written a, b and c
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/written 0/);
    const j = await loadJournal(file);
    expect(j.written.size).toBe(0);
  });

  test('a passing transaction writes everything and journals it', async () => {
    const file = await atomicJournal('sent', 'sent', [{ table: 'sent', key: { id: { S: 'gate' } }, expect: 'absent' }]);
    const run = await cli(['apply', '--resume', file, '--endpoint', moto!, '--region', region]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await ids('sent')).toEqual(['a', 'b', 'c']);
    expect(run.stdout).toMatch(/written 3, failed 0/);
    expect((await loadJournal(file)).written.size).toBe(3);
    // Resumed once more: nothing is pending, nothing is sent.
    const again = await cli(['apply', '--resume', file, '--endpoint', moto!, '--region', region]);
    expect(again.code).toBe(0);
  });
});
