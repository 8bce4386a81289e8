/** The commit report as the contract sends it: an empty one, and one built from the engine's. */
import type { StagedChange } from '../../shared/changes/types';
import { keyOf } from '../../shared/dynamo/types';
import type { KeySchemasByTable } from '../../shared/plan/types';
import type { CommitReport } from '../commitEngine/types';
import type { ReportWire } from './types';

export function emptyReport(commitId: string, status: ReportWire['status']): ReportWire {
  return {
    commitId,
    status,
    conflicts: [],
    unchecked: [],
    outcomes: {},
    resent: [],
    counters: {
      total: 0,
      written: 0,
      failed: 0,
      canceled: 0,
      requests: 0,
      rounds: 0,
      retriedOps: 0,
      unprocessed: 0,
      throttledCalls: 0,
      consumedCapacity: 0,
      seconds: 0,
      itemsPerSecond: 0,
    },
    readBackMismatches: [],
    refreshed: [],
  };
}

/** A commit canceled before anything was sent (during its drift check): every change stays staged. */
export function canceledReport(commitId: string, ids: readonly string[]): ReportWire {
  const report = emptyReport(commitId, 'done');
  for (const id of ids) report.outcomes[id] = { status: 'canceled' };
  report.counters.total = ids.length;
  report.counters.canceled = ids.length;
  return report;
}

/** The engine's counters as the contract names them. */
export function countersOf(c: CommitReport['counters']): ReportWire['counters'] {
  return {
    total: c.total,
    written: c.written,
    failed: c.failed,
    held: c.held,
    conflicts: c.conflicts,
    paused: c.paused,
    canceled: c.canceled,
    requests: c.requests,
    rounds: c.rounds,
    retriedOps: c.retriedOps,
    unprocessed: c.unprocessed,
    throttledCalls: c.throttledCalls,
    consumedCapacity: c.consumedCapacity,
    seconds: c.seconds,
    itemsPerSecond: c.itemsPerSecond,
  };
}

/** Guarded writes refused by their condition, as the conflict view shows them. */
export function conflictsOf(
  result: CommitReport,
  snapshot: ReadonlyMap<string, StagedChange>,
  keySchemas: KeySchemasByTable,
) {
  const out = [];
  for (const c of result.conflicts) {
    const change = snapshot.get(c.id);
    if (!change) continue;
    const schema = keySchemas[change.table];
    out.push({
      id: c.id,
      table: change.table,
      key: schema ? keyOf(change.key, schema) : change.key,
      expected: change.kind === 'put' ? null : change.original,
      server: c.server,
    });
  }
  return out;
}
