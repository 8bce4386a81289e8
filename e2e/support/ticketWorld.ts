/**
 * A DynamoDB of its own (dynalite) with SupportTickets (byStatus index) and TicketArchive, a fault
 * proxy in front of it, and a web host with a saved connection through the proxy: for commit
 * specs that need a known set of tickets and faults on one table.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  ScanCommand,
  type AttributeValue as SdkValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { fromSdkItem, toSdkItem } from '../../server/sdk/convert';
import { SANDBOX_TABLES } from '../../server/sandbox/seed';
import { localClient, startDynalite } from '../../test-support/servers/dynalite';
import { changeId } from '../../shared/changes/types';
import type { StagedChange } from '../../shared/changes/types';
import type { StagingEntry } from '../../shared/contract/staging';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

export const TICKET_KEY: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
export const PROXY_NAME = 'Tickets via fault proxy';

export interface TicketWorld {
  host: RunningHost;
  proxy: FaultProxy;
  connectionId: string;
  /** Straight to DynamoDB: no proxy, no app (the second writer, and the checks). */
  db: DynamoDBClient;
  close(): Promise<void>;
}

export async function api<T>(host: RunningHost, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${channel}: ${json.error?.message}`);
  return json.value as T;
}

export async function startTicketWorld(): Promise<TicketWorld> {
  const dynamo = await startDynalite();
  const db = localClient(dynamo.endpoint);
  for (const def of SANDBOX_TABLES.filter((t) => t.TableName !== 'OrgUsers')) {
    await db.send(new CreateTableCommand(def));
  }
  const proxy = await startFaultProxy(dynamo.endpoint, {}, 11);
  const host = await startHost({ seed: false });
  const { connection } = await api<{ connection: { id: string } }>(host, 'connections:save', {
    kind: 'endpoint',
    name: PROXY_NAME,
    region: 'us-east-1',
    endpoint: proxy.endpoint,
  });
  return {
    host,
    proxy,
    connectionId: connection.id,
    db,
    close: async () => {
      await host.stop();
      await proxy.close();
      db.destroy();
      await dynamo.close();
    },
  };
}

/** Every item of a table, consistent reads, straight from DynamoDB. */
export async function scanAll(db: DynamoDBClient, table: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, SdkValue> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    out.push(...(page.Items ?? []).map(fromSdkItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

async function writeAll(db: DynamoDBClient, table: string, reqs: object[]): Promise<void> {
  for (let i = 0; i < reqs.length; i += 25) {
    await db.send(new BatchWriteItemCommand({ RequestItems: { [table]: reqs.slice(i, i + 25) } }));
  }
}

/** `resolved` resolved tickets R-000.. and `open` open ones O-00.., each at version 1. */
export function tickets(resolved: number, open: number): Item[] {
  const one = (id: string, status: string, i: number): Item => ({
    ticketId: { S: id },
    status: { S: status },
    createdAt: { N: String(1_700_000_000 + i) },
    subject: { S: `Ticket ${id}` },
    priority: { S: 'normal' },
    version: { N: '1' },
  });
  return [
    ...Array.from({ length: resolved }, (_, i) =>
      one(`R-${String(i).padStart(3, '0')}`, 'resolved', i),
    ),
    ...Array.from({ length: open }, (_, i) => one(`O-${String(i).padStart(2, '0')}`, 'open', i)),
  ];
}

/** Empties both tables and writes `items` to SupportTickets. */
export async function resetTickets(db: DynamoDBClient, items: Item[]): Promise<void> {
  for (const table of ['SupportTickets', 'TicketArchive']) {
    const keys = (await scanAll(db, table)).map((t) => ({
      DeleteRequest: { Key: toSdkItem({ ticketId: t.ticketId! }) },
    }));
    await writeAll(db, table, keys);
  }
  await writeAll(
    db,
    'SupportTickets',
    items.map((t) => ({ PutRequest: { Item: toSdkItem(t) } })),
  );
}

export function entry(change: StagedChange, schema = TICKET_KEY): StagingEntry {
  return {
    id: changeId(change.connectionId, change.table, change.key, schema),
    connectionId: change.connectionId,
    table: change.table,
    change,
  };
}

/** Un-stages everything, so each test starts from an empty staging area. */
export async function clearStaging(host: RunningHost): Promise<void> {
  const { entries } = await api<{ entries: { id: string; change: StagedChange }[] }>(
    host,
    'staging:load',
    {},
  );
  if (entries.length === 0) return;
  await api(host, 'staging:apply', {
    entries: entries.map((e) => ({
      id: e.id,
      connectionId: e.change.connectionId,
      table: e.change.table,
    })),
  });
}
