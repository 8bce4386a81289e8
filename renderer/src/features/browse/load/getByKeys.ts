import type { BatchGetResult } from '../../../../../shared/contract/items';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { call } from '../../../api/client';
import { useItemsStore } from '../../../stores/itemsStore';

export interface KeyRequest {
  table: string;
  keySchema: KeySchema;
  keys: Item[];
  consistentRead: boolean;
}

/**
 * Reads items by key from one or several tables in one items:batchGet; each table's grid then
 * shows exactly the items found. Returns the per-table results (found, missing, unprocessed).
 */
export async function getByKeys(
  connectionId: string,
  requests: KeyRequest[],
): Promise<BatchGetResult[]> {
  const { results } = await call('items:batchGet', {
    requests: requests.map((r) => ({
      connectionId,
      table: r.table,
      keys: r.keys,
      ...(r.consistentRead ? { consistentRead: true } : {}),
    })),
  });
  for (const result of results) {
    const request = requests.find((r) => r.table === result.table);
    if (!request) continue;
    useItemsStore
      .getState()
      .replace({ connectionId, table: result.table }, request.keySchema, 'Get', result.items);
  }
  return results;
}
