/** The review's per-table figures: counts by kind, and calls and WCU of each write mode. */
import type { ConnectionInfo } from '../contract/connections';
import { tableCounts } from '../changes/tableCounts';
import type { TableCounts } from '../changes/tableCounts';
import { tableRef } from '../changes/types';
import type { Changes, KeySchemasByRef, StagedChange } from '../changes/types';
import type { WriteMode } from '../plan/types';
import { estimateStaged } from './estimateStaged';
import { planStaged } from './planStaged';
import type { StagedPlan } from './planStaged';

/** The write modes the summary compares, with their short names (Atomic: transactions, WCU twice). */
export const SUMMARY_MODES: readonly { mode: WriteMode; name: string }[] = [
  { mode: 'guarded', name: 'Guarded' },
  { mode: 'batch', name: 'Batch' },
  // Shown for every endpoint: the legend says it needs one with transactions.
  { mode: 'atomic', name: 'Atomic' },
];

export interface ModeFigures {
  calls: number;
  wcu: number;
}

export interface TableSummaryRow extends TableCounts {
  /** Calls and WCU of committing this table's changes alone, by write mode. */
  modes: Partial<Record<WriteMode, ModeFigures>>;
}

function figures(
  plan: StagedPlan,
  connections: readonly ConnectionInfo[],
  versionAttributes: Readonly<Record<string, string>>,
): Partial<Record<WriteMode, ModeFigures>> {
  const out: Partial<Record<WriteMode, ModeFigures>> = {};
  for (const { mode } of SUMMARY_MODES) {
    const e = estimateStaged(plan, mode, connections, { versionAttributes });
    out[mode] = { calls: e.calls, wcu: e.wcu };
  }
  return out;
}

/**
 * One row per table with staged changes, and the totals of the whole plan (the plan packs
 * several tables into one BatchWriteItem call, so the total can be less than the rows' sum).
 * With one table its row is the whole plan; with several each table is planned on its own (in the
 * whole plan's session).
 */
export function tableSummary(
  changes: Changes,
  moves: ReadonlyMap<string, string>,
  keySchemas: KeySchemasByRef,
  whole: StagedPlan,
  connections: readonly ConnectionInfo[],
  versionAttributes: Readonly<Record<string, string>> = {},
): { rows: TableSummaryRow[]; total: Partial<Record<WriteMode, ModeFigures>> } {
  const counts = tableCounts(changes, moves);
  const total = figures(whole, connections, versionAttributes);
  if (counts.length === 1) return { rows: [{ ...counts[0]!, modes: total }], total };
  const byTable = new Map<string, Map<string, StagedChange>>();
  for (const [id, c] of changes) {
    const ref = tableRef(c.connectionId, c.table);
    let m = byTable.get(ref);
    if (!m) byTable.set(ref, (m = new Map()));
    m.set(id, c);
  }
  const rows = counts.map((t) => ({
    ...t,
    modes: figures(planStaged(byTable.get(t.ref)!, keySchemas, whole.session), connections, versionAttributes),
  }));
  return { rows, total };
}
