/** The backend's validation gate: nothing is sent while any staged item is invalid. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { planInputs } from '../../shared/changes/toPlan';
import type { Changes } from '../../shared/changes/types';
import {
  InvalidWritesError,
  validateWrites,
  type TableShape,
} from '../../shared/validation/writes';
import { describeTable } from '../tables/service';

/** The key and index keys of each table, as validation needs them. */
export async function tableShapes(
  client: DynamoDBClient,
  tables: Iterable<string>,
): Promise<Record<string, TableShape>> {
  const out: Record<string, TableShape> = {};
  for (const table of new Set(tables)) {
    const d = await describeTable(client, table);
    out[table] = { key: d.key, indexes: d.indexes.map((i) => ({ name: i.name, key: i.key })) };
  }
  return out;
}

/**
 * Throws InvalidWritesError (code BadInput, every problem with its table, key and attribute) when
 * any of the connection's `changes` would be rejected by DynamoDB; after it returns, all are valid.
 */
export async function refuseInvalidChanges(
  client: DynamoDBClient,
  connectionId: string,
  changes: Changes,
): Promise<void> {
  const writes = planInputs(changes, connectionId);
  const shapes = await tableShapes(
    client,
    writes.map((w) => w.table),
  );
  const issues = validateWrites(writes, shapes);
  if (issues.length > 0) throw new InvalidWritesError(issues, false);
}
