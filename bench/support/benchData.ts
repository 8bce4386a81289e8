/** The bench's items: ~1 KB rows for the clean runs; ~1 KB and ~3 KB rows with a hot key for capacity. */
import { itemSize, writeUnits } from '../../shared/dynamo/size';
import type { Item, KeySchema } from '../../shared/dynamo/types';

export const CLEAN_SCHEMA: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
export const CAPACITY_SCHEMA: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
};

/** ~1 KB items (1 WCU each): a key and a padded payload. */
export function cleanRows(n: number, run: string): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    id: { S: `${run}-${String(i).padStart(6, '0')}` },
    payload: { S: `${i}:`.padEnd(990, 'x') },
  }));
}

/** Share of the capacity items under one partition key: its hash range runs near its own limit. */
export const HOT_SHARE = 0.3;

/**
 * Capacity items: alternately ~1 KB (1 WCU) and ~3 KB (3 WCU); 3 in 10 under the partition key
 * "hot" (one hash range), interleaved with the others as a real backlog would be.
 */
export function capacityRows(n: number, run: string): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    pk: { S: i % 10 < HOT_SHARE * 10 ? 'hot' : `${run}-${i}` },
    sk: { S: String(i).padStart(6, '0') },
    payload: { S: 'x'.repeat(i % 2 === 0 ? 900 : 2_900) },
  }));
}

/** Write units the items cost, 1 KB units rounded up per item. */
export function totalWcu(items: readonly Item[]): number {
  return items.reduce((s, i) => s + writeUnits(itemSize(i)), 0);
}
