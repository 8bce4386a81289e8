/** Test tables for the items services, created by each test file in its own dynalite. */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { ItemsEvent } from '../../../shared/contract/items';
import type { Item } from '../../../shared/dynamo/types';
import type { BackendContext } from '../context';
import { toSdkItem } from '../dynamo/convert';
import { localClient } from '../testing/dynalite';
import { SANDBOX_TABLES } from '../sandbox/seed';

export const STATUSES = ['open', 'pending', 'closed'] as const;
export const TICKET_COUNT = 200;
/** 38 significant digits: survives only if never turned into a JS number. */
export const BIG_CREATED_AT = '12345678901234567890123456789012345678';

/** Ticket i (0-based): status cycles, createdAt rises, reserved-word attributes, nested data. */
export function ticket(i: number): Item {
  const id = `T-${String(i).padStart(4, '0')}`;
  return {
    ticketId: { S: id },
    status: { S: STATUSES[i % 3] as string },
    createdAt: { N: i === TICKET_COUNT - 1 ? BIG_CREATED_AT : String(1_700_000_000 + i) },
    name: { S: `Ticket ${i}` },
    priority: { N: String(i % 5) },
    data: {
      M: {
        assignee: { M: { name: { S: i % 4 === 0 ? 'Ana' : 'Bo' } } },
        tags: { L: [{ S: i % 10 === 0 ? 'vip' : 'std' }, { S: 'web' }] },
      },
    },
    ...(i % 7 === 0 ? { attachment: { B: 'AAECAw==' } } : {}),
  };
}

export function orgUser(org: number, user: number): Item {
  return {
    orgId: { S: `org-${org}` },
    userId: { S: `user-${String(user).padStart(3, '0')}` },
    email: { S: `u${user}@org${org}.example` },
  };
}

async function writeAll(client: DynamoDBClient, table: string, items: Item[]): Promise<void> {
  for (let at = 0; at < items.length; at += 25) {
    const chunk = items
      .slice(at, at + 25)
      .map((item) => ({ PutRequest: { Item: toSdkItem(item) } }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: chunk } }));
  }
}

/** SupportTickets (ticketId S; GSI byStatus: status S + createdAt N) with TICKET_COUNT items. */
export async function createSupportTickets(client: DynamoDBClient): Promise<Item[]> {
  // The same table definition the sandbox seeds, so tests query what users see.
  await client.send(new CreateTableCommand(SANDBOX_TABLES.find((t) => t.TableName === 'SupportTickets')!));
  const items = Array.from({ length: TICKET_COUNT }, (_, i) => ticket(i));
  await writeAll(client, 'SupportTickets', items);
  return items;
}

/** OrgUsers (orgId S + userId S): 3 orgs with 20 users each. */
export async function createOrgUsers(client: DynamoDBClient): Promise<Item[]> {
  await client.send(
    new CreateTableCommand({
      TableName: 'OrgUsers',
      KeySchema: [
        { AttributeName: 'orgId', KeyType: 'HASH' },
        { AttributeName: 'userId', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'orgId', AttributeType: 'S' },
        { AttributeName: 'userId', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const items = [1, 2, 3].flatMap((org) => Array.from({ length: 20 }, (_, u) => orgUser(org, u)));
  await writeAll(client, 'OrgUsers', items);
  return items;
}

export interface TestContext extends BackendContext {
  events: ItemsEvent[];
  sdk: DynamoDBClient;
}

/** A backend context whose every connection is the given endpoint; events are collected. */
export function testContext(
  endpoint: string,
  onEvent?: (e: ItemsEvent) => void,
  maxAttempts?: number,
): TestContext {
  const sdk = localClient(endpoint, maxAttempts);
  const events: ItemsEvent[] = [];
  return {
    dataDir: '/nonexistent',
    sdk,
    events,
    client: async () => sdk,
    emit: (event) => {
      const e = event as unknown as ItemsEvent;
      events.push(e);
      onEvent?.(e);
    },
  };
}
