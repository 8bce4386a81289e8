/**
 * The commit executor: sends planned BatchWriteItem requests with adaptive concurrency, requeues
 * unprocessed and throttled operations with full-jitter backoff, splits rejected calls to isolate
 * the bad operations, journals every outcome and reports each operation's fate.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { packLimits } from '../../shared/plan/builder';
import type { KeySchemasByTable, Plan, PlanInput } from '../../shared/plan/types';
import { JournalWriter, loadJournal } from './journal';
import { Ledger } from './ledger';
import { CommitRun } from './run';
import { prepare } from './start';
import type { CommitCallbacks, CommitOptions, CommitReport } from './types';

/**
 * Commits a plan (or operations, planned here with the same rules). Resolves when every operation
 * is written, failed, canceled or superseded; it never rejects for a service error. Use a client
 * with SDK retries off (see `createCommitClient`): the retry loop is this one.
 */
export async function executeCommit(
  client: DynamoDBClient,
  input: Plan | readonly PlanInput[],
  keySchemas: KeySchemasByTable,
  opts: CommitOptions = {},
  callbacks: CommitCallbacks = {},
): Promise<CommitReport> {
  const limits = packLimits(opts.plan);
  const start = prepare(input, keySchemas, limits);
  let journal: JournalWriter | null = null;
  if (opts.journal?.resume) {
    journal = await JournalWriter.reopen(opts.journal.path, await loadJournal(opts.journal.path));
  } else if (opts.journal) {
    // Every operation that may be sent: batched, guarded singles and linked deletes (a resume
    // sends what the journal holds, with its guard and its link).
    const linked = [...start.linked.values()].flat();
    const ops = [...start.fresh.flat(), ...start.singles, ...linked].map((s) => s.op);
    const header = {
      journal: 'dynostage-commit' as const,
      version: 1 as const,
      createdAt: new Date().toISOString(),
      keySchemas,
      ops,
      ...(opts.journal.connectionId !== undefined ? { connectionId: opts.journal.connectionId } : {}),
    };
    journal = await JournalWriter.create(opts.journal.path, header);
  }
  const ledger = new Ledger(start.order.length, callbacks, journal, opts.progressIntervalMs ?? 100);
  ledger.superseded(start.collapsed);
  ledger.failed(start.rejected);
  ledger.held(start.held);
  const run = new CommitRun(client, start, keySchemas, opts, ledger);
  await run.run();
  let journalError: string | undefined;
  try {
    await journal?.close();
  } catch (err) {
    journalError = err instanceof Error ? err.message : String(err);
  }
  ledger.progress({ retrying: 0, concurrency: run.finalConcurrency, inFlight: 0 }, true);
  return ledger.report(run.finalConcurrency, start.order, journalError);
}
