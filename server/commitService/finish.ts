/** After the engine: settle staging, close the journal, read back, and build the report. */
import type { StagedChange } from '../../shared/changes/types';
import { keyOf } from '../../shared/dynamo/types';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { readBack, type Mismatch } from '../commitEngine/drift';
import type { CommitReport } from '../commitEngine/types';
import type { Services } from '../services';
import type { commitClientFor } from './commitClient';
import type { JournalFolder } from './journals';
import { readOptions, type Options } from './options';
import { emitProgress } from './progress';
import { conflictsOf, countersOf, emptyReport } from './report';
import { settleEntries } from './settle';
import type { OutcomeWire, ReportWire } from './types';

export interface Finished {
  commitId: string;
  connectionId: string;
  result: CommitReport;
  ops: PlanInput[];
  keySchemas: KeySchemasByTable;
  /** The staged changes as they were when the commit started. */
  snapshot: Map<string, StagedChange>;
  /** Outcomes known before the engine ran (skipped, written by an earlier run). */
  outcomes: Record<string, OutcomeWire>;
  options: Options | undefined;
  /** Ids the check before writing could not read (not sent). */
  unchecked?: string[];
  /** Set aside by the drift check before a resume: shown in the conflict view. */
  driftConflicts?: Mismatch[];
  commitClient: Awaited<ReturnType<typeof commitClientFor>>;
}

export async function finishCommit(
  s: Pick<Services, 'staging' | 'emit'>,
  journals: JournalFolder,
  f: Finished,
): Promise<ReportWire> {
  const { commitId, result, keySchemas, outcomes } = f;
  const report = emptyReport(commitId, 'done');
  report.unchecked = f.unchecked ?? [];
  // Set aside before the engine ran (not sent): counted with the engine's own.
  const before = Object.values(outcomes);
  const aside = (status: string) => before.filter((o) => o.status === status).length;
  const [failed, conflicts, held] = [aside('failed'), aside('conflict'), aside('held')];
  for (const [id, o] of Object.entries(result.outcomes)) {
    outcomes[id] = o.status === 'conflict' ? { status: 'conflict', reason: o.reason } : o;
  }
  report.conflicts = [...(f.driftConflicts ?? []), ...conflictsOf(result, f.snapshot, keySchemas)];
  if (report.conflicts.length > 0) report.status = 'conflicts';
  if (result.paused.length > 0) {
    report.status = 'paused';
    report.pauseReason = result.paused[0]?.reason;
  }
  const current = await s.staging.changesOf(f.connectionId);
  await s.staging.apply(settleEntries(f.snapshot, current, outcomes));
  // A paused commit keeps its journal: Resume goes on from it.
  if (!result.journalError && result.paused.length === 0) await journals.finish(commitId);
  const written = f.ops.filter((op) => outcomes[op.id]?.status === 'written');
  if (f.options?.readBack) {
    emitProgress(s, commitId, 'readBack', written.length);
    const back = await readBack(f.commitClient, written, keySchemas, readOptions(f.options));
    report.readBackMismatches = back.mismatches;
  }
  report.refreshed = written.map((op) => ({
    id: op.id,
    table: op.table,
    key: op.kind === 'put' ? keyOf(op.item, keySchemas[op.table]!) : op.key,
    item: op.kind === 'put' ? op.item : null,
  }));
  emitProgress(s, commitId, 'done', result.counters.total);
  return {
    ...report,
    outcomes,
    resent: result.resent,
    counters: countersOf({
      ...result.counters,
      total: result.counters.total + failed + conflicts + held,
      failed: result.counters.failed + failed,
      conflicts: result.counters.conflicts + conflicts,
      held: result.counters.held + held,
    }),
    ...(result.journalError ? { journalError: result.journalError } : {}),
  };
}
