import { ListTablesCommand, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { localClient, startDynalite, type LocalDynamo } from './dynalite';

let db: LocalDynamo;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

test('dynalite starts in-process and answers the real SDK', async () => {
  const client = localClient(db.endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: 'Things',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const out = await client.send(new ListTablesCommand({}));
  expect(out.TableNames).toEqual(['Things']);
});
