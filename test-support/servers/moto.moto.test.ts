import {
  CreateTableCommand,
  ExecuteStatementCommand,
  ListTablesCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, test } from 'vitest';
import { motoEndpoint } from './motoTest';

const endpoint = motoEndpoint('moto.moto.test.ts');
const client = (region: string) =>
  new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

describe.skipIf(!endpoint)('moto_server (the second DynamoDB for tests)', () => {
  test('answers the real SDK, keeps regions apart, and does what dynalite cannot: PartiQL and transactions', async () => {
    const a = client('ap-south-1');
    await a.send(
      new CreateTableCommand({
        TableName: 'Smoke',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect((await a.send(new ListTablesCommand({}))).TableNames).toContain('Smoke');
    expect((await client('sa-east-1').send(new ListTablesCommand({}))).TableNames).not.toContain('Smoke');
    await a.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'Smoke', Item: { id: { S: 'a' }, n: { N: '12345678901234567890123456789012345678' } } } },
          { Put: { TableName: 'Smoke', Item: { id: { S: 'b' }, ss: { SS: ['x', 'y'] } } } },
        ],
      }),
    );
    const out = await a.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Smoke" WHERE id = ?', Parameters: [{ S: 'a' }] }));
    expect(out.Items).toEqual([{ id: { S: 'a' }, n: { N: '12345678901234567890123456789012345678' } }]);
  });
});
