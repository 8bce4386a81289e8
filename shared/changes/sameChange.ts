/** Whether two staged changes say the same thing, as DynamoDB would store them. */
import { itemsEqual } from '../dynamo/equal';
import type { StagedChange } from './types';

/**
 * True when `a` and `b` are one change: same kind, connection, table, key and images compared as
 * stored (shared/dynamo/equal: attribute and set member order ignored, number and binary text
 * exact), and a delete's link to its put. Their commit errors are not compared.
 */
export function sameChange(a: StagedChange, b: StagedChange): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.connectionId !== b.connectionId || a.table !== b.table) return false;
  if (!itemsEqual(a.key, b.key)) return false;
  if (a.kind === 'delete')
    return b.kind === 'delete' && a.after === b.after && itemsEqual(a.original, b.original);
  if (a.kind === 'update' && (b.kind !== 'update' || !itemsEqual(a.original, b.original)))
    return false;
  return b.kind !== 'delete' && itemsEqual(a.item, b.item);
}
