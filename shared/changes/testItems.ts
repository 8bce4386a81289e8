/** Fixtures shared by the staging tests (not part of the API). */
import type { Item, KeySchema } from '../dynamo/types';
import { changeId, tableRef } from './types';
import type { ItemTarget, KeySchemasByRef } from './types';

export const CONN = 'local';
export const TABLE = 'Orders';
export const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
export const schemas: KeySchemasByRef = { [tableRef(CONN, TABLE)]: schema };

export function row(pk: string, sk: string, extra: Item = {}): Item {
  return { pk: { S: pk }, sk: { N: sk }, ...extra };
}

export function idOf(item: Item): string {
  return changeId(CONN, TABLE, item, schema);
}

export function target(item: Item, loaded = true): ItemTarget {
  const t: ItemTarget = { connectionId: CONN, table: TABLE, key: item };
  if (loaded) t.original = item;
  return t;
}
