import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { TableDescription } from '../../shared/contract/tables';
import { toTableDescription } from './describe';

/** Every table name, following ListTables pagination to the end. */
export async function listTables(client: DynamoDBClient): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

export async function describeTable(client: DynamoDBClient, table: string): Promise<TableDescription> {
  const out = await client.send(new DescribeTableCommand({ TableName: table }));
  let ttl: { status: string; attribute?: string };
  try {
    const t = await client.send(new DescribeTimeToLiveCommand({ TableName: table }));
    const d = t.TimeToLiveDescription;
    ttl = {
      status: d?.TimeToLiveStatus ?? 'DISABLED',
      ...(d?.AttributeName ? { attribute: d.AttributeName } : {}),
    };
  } catch {
    // Some local endpoints (dynalite) lack DescribeTimeToLive; TTL then shows as unknown.
    ttl = { status: 'UNKNOWN' };
  }
  if (!out.Table) throw Object.assign(new Error(`Table ${table} not found`), { name: 'ResourceNotFoundException' });
  return toTableDescription(out.Table, ttl);
}
