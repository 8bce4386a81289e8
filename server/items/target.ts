import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableDescription } from '../../shared/contract/tables';
import type { KeySchema } from '../../shared/dynamo/types';
import { toTableDescription } from '../tables/describe';
import { notFound } from '../errors';

/** What a read needs to know about the table or index it targets. */
export interface Target {
  tableKey: KeySchema;
  /** The key of the index when one is named, else the table's key. */
  key: KeySchema;
  indexKind?: 'GSI' | 'LSI';
}

// Key schemas never change once a table exists, but a table can be deleted and recreated under
// the same name, and indexes come and go: keep descriptions briefly, per client.
const TTL_MS = 30_000;
const cache = new WeakMap<DynamoDBClient, Map<string, { at: number; table: TableDescription }>>();

async function describe(client: DynamoDBClient, table: string): Promise<TableDescription> {
  let byTable = cache.get(client);
  if (!byTable) cache.set(client, (byTable = new Map()));
  const hit = byTable.get(table);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.table;
  const out = await client.send(new DescribeTableCommand({ TableName: table }));
  if (!out.Table) throw notFound(`Table ${table} not found`);
  const desc = toTableDescription(out.Table, { status: 'UNKNOWN' });
  byTable.set(table, { at: Date.now(), table: desc });
  return desc;
}

/** Drops what is known about a table, so the next read describes it again. */
export function forgetTable(client: DynamoDBClient, table: string): void {
  cache.get(client)?.delete(table);
}

/** The keys of a table and of one of its indexes (DescribeTable, cached for 30 s). */
export async function resolveTarget(
  client: DynamoDBClient,
  table: string,
  index?: string,
): Promise<Target> {
  const desc = await describe(client, table);
  if (index === undefined) return { tableKey: desc.key, key: desc.key };
  const found = desc.indexes.find((i) => i.name === index);
  if (!found) {
    forgetTable(client, table);
    throw notFound(`Table ${table} has no index named ${index}`);
  }
  return { tableKey: desc.key, key: found.key, indexKind: found.kind };
}
