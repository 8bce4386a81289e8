import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/dynamo/types';
import { toSdkItem } from '../sdk/convert';
import { orgUsers, supportTickets } from './seedData';

const ticketKey = {
  KeySchema: [{ AttributeName: 'ticketId', KeyType: 'HASH' as const }],
  BillingMode: 'PAY_PER_REQUEST' as const,
};

export const SANDBOX_TABLES: CreateTableCommandInput[] = [
  {
    TableName: 'SupportTickets',
    ...ticketKey,
    AttributeDefinitions: [
      { AttributeName: 'ticketId', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'createdAt', AttributeType: 'N' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  },
  {
    TableName: 'TicketArchive',
    ...ticketKey,
    AttributeDefinitions: [{ AttributeName: 'ticketId', AttributeType: 'S' }],
  },
  {
    TableName: 'OrgUsers',
    KeySchema: [
      { AttributeName: 'orgId', KeyType: 'HASH' },
      { AttributeName: 'userId', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'orgId', AttributeType: 'S' },
      { AttributeName: 'userId', AttributeType: 'S' },
      { AttributeName: 'email', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byEmail',
        KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  },
];

async function writeAll(client: DynamoDBClient, table: string, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    // dynalite never returns UnprocessedItems, but a seed must not silently drop any either.
    for (let round = 0; pending.length > 0; round++) {
      if (round > 10) throw new Error(`Seeding ${table}: items stayed unprocessed`);
      const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}

async function waitActive(client: DynamoDBClient, table: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: table }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Table ${table} did not become ACTIVE`);
}

/** Creates and fills the demo tables that are missing; tables that exist are left as they are. */
export async function seedSandbox(client: DynamoDBClient): Promise<string[]> {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const t of page.TableNames ?? []) existing.add(t);
    start = page.LastEvaluatedTableName;
  } while (start);
  const created: string[] = [];
  for (const def of SANDBOX_TABLES) {
    const name = def.TableName as string;
    if (existing.has(name)) continue;
    await client.send(new CreateTableCommand(def));
    await waitActive(client, name);
    created.push(name);
    if (name === 'SupportTickets') await writeAll(client, name, supportTickets());
    if (name === 'OrgUsers') await writeAll(client, name, orgUsers());
  }
  return created;
}
