/** Staged changes as the planner's inputs (shared/plan): the review pane and the executor share them. */
import { itemSize } from '../dynamo/size';
import type { PlanInput } from '../plan/types';
import type { StagedChange } from './types';

/**
 * One PlanInput per change of `connectionId`, in staging order: puts and updates become full-item
 * puts, deletes go by key; `oldSize` is the replaced image's size (for the WCU estimate).
 */
export function planInputs(
  changes: Readonly<Record<string, StagedChange>>,
  connectionId: string,
): PlanInput[] {
  const out: PlanInput[] = [];
  for (const id in changes) {
    const c = changes[id] as StagedChange;
    if (c.connectionId !== connectionId) continue;
    if (c.kind === 'put') out.push({ id, table: c.table, kind: 'put', item: c.item });
    else if (c.kind === 'update') {
      out.push({ id, table: c.table, kind: 'put', item: c.item, oldSize: itemSize(c.original) });
    } else
      out.push({ id, table: c.table, kind: 'delete', key: c.key, oldSize: itemSize(c.original) });
  }
  return out;
}
