/** Staged PartiQL writes committed in Atomic mode (ExecuteTransaction) against moto, over HTTP. */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Item } from '../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { MOTO_REGIONS, motoEndpoint } from '../../test-support/servers/motoTest';
import { startTransactionGate, type TransactionGate } from '../../test-support/servers/transactionGate';

const moto = motoEndpoint('transact.moto.test.ts');
const region = MOTO_REGIONS.partiqlAtomic;
let backend: Backend;
let conn: string;
let sdk: DynamoDBClient;
let gate: TransactionGate;

async function call<T = any>(channel: string, input: unknown): Promise<T> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as T;
}
const stage = (statement: string, parameters: Item[string][] = []) =>
  call('partiql:stage', { connectionId: conn, statement, parameters, keyNames: ['pk'] });
async function rows(): Promise<string[]> {
  const items = ((await sdk.send(new ScanCommand({ TableName: 'Tx' }))).Items ?? []).map(fromSdkItem);
  return items.map((i) => `${(i.pk as { S: string }).S}=${JSON.stringify(i.v)}`).sort();
}

describe.skipIf(!moto)('PartiQL in Atomic mode against moto', () => {
  beforeAll(async () => {
    backend = await createBackend({ dataDir: await mkdtemp(join(tmpdir(), 'dynostage-partiql-tx-')), seedSandbox: false });
    // moto's ExecuteTransaction neither checks nor cancels: the gate answers as DynamoDB does for an
    // INSERT of an item that exists (pk 'b' here), and forwards everything else to moto.
    gate = await startTransactionGate(moto!, (st) =>
      /^INSERT INTO "Tx" VALUE \{'pk': 'b'/.test(st) ? { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' } : null,
    );
    conn = (await call('connections:save', { kind: 'endpoint', name: 'moto', region, endpoint: gate.endpoint })).connection.id;
    sdk = new DynamoDBClient({ endpoint: moto, region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await sdk.send(
      new CreateTableCommand({
        TableName: 'Tx',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await sdk.send(new BatchWriteItemCommand({ RequestItems: { Tx: ['a', 'b'].map((pk) => ({ PutRequest: { Item: toSdkItem({ pk: { S: pk }, v: { S: 'old' } }) } })) } }));
  });
  afterAll(async () => {
    sdk?.destroy();
    await backend?.close();
    await gate?.close();
  });

  test('ExecuteTransaction: a statement whose condition fails is reported by itself, the others are written', async () => {
    await stage(`INSERT INTO "Tx" VALUE {'pk': 'c', 'v': 'new'}`);
    await stage('UPDATE "Tx" SET v = ? WHERE pk = ?', [{ S: 'updated' }, { S: 'a' }]);
    // The item exists already: DynamoDB cancels the transaction naming this statement.
    const bad = await stage(`INSERT INTO "Tx" VALUE {'pk': 'b', 'v': 'never'}`);
    await stage(`DELETE FROM "Tx" WHERE pk = 'zz-missing-is-fine'`);
    const result = await call('partiql:commit', { connectionId: conn, mode: 'atomic' });
    expect(result.api).toBe('ExecuteTransaction');
    const byId = Object.fromEntries(result.outcomes.map((o: { id: string }) => [o.id, o]));
    expect(byId[bad.staged.id]).toMatchObject({ status: 'failed', code: 'DuplicateItem', message: 'Duplicate primary key exists in table' });
    expect(result.outcomes.filter((o: { status: string }) => o.status === 'written')).toHaveLength(3);
    // The canceled transaction, then the three others on their own.
    expect(result.calls).toBe(2);
    expect(result.statements.map((s: { id: string }) => s.id)).toEqual([bad.staged.id]);
    expect(result.statements[0].error).toBe('DuplicateItem: Duplicate primary key exists in table');
    expect(gate.calls).toBe(2);
    expect(await rows()).toEqual(['a={"S":"updated"}', 'b={"S":"old"}', 'c={"S":"new"}']);
    await call('partiql:unstage', { ids: [bad.staged.id] });
  });

  test('150 statements go in 2 transactions of at most 100', async () => {
    for (let i = 0; i < 150; i++) await stage(`INSERT INTO "Tx" VALUE {'pk': 'n${i}', 'v': 'x'}`);
    const result = await call('partiql:commit', { connectionId: conn, mode: 'atomic' });
    expect(result.calls).toBe(2);
    expect(result.outcomes.every((o: { status: string }) => o.status === 'written')).toBe(true);
    expect((await rows()).filter((r) => r.startsWith('n'))).toHaveLength(150);
  });
});
