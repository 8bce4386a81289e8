/**
 * Atomic mode as the app runs it (commit:start / commit:resume): the operations planned into
 * transactions (shared/plan/atomicPlan.ts), a journal written before the first call and one line
 * per transaction, the executor's outcomes turned into the commit report the other modes give.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { checkLabel, planAtomic, type AtomicCheck, type AtomicScope } from '../../shared/plan/atomicPlan';
import { MAX_TRANSACT_ACTIONS, MAX_TRANSACT_BYTES } from '../../shared/plan/atomicGroups';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { runAtomicGroups, type AtomicOutcome } from '../commitEngine/atomic';
import { JournalWriter, loadJournal, type JournalEntry } from '../commitEngine/journal';
import type { CommitProgress, CommitReport, OpOutcome } from '../commitEngine/types';
import { describeTable } from '../tables/service';

export interface AtomicCommitOptions {
  commitId: string;
  scope?: AtomicScope;
  checks?: AtomicCheck[];
  journal: { path: string; connectionId?: string; resume?: boolean };
  signal?: AbortSignal;
  maxRounds?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  noProgressTimeoutMs?: number;
  onProgress?: (p: CommitProgress) => void;
}

/** Refused before anything was written or journaled (e.g. everything or nothing above 100 actions). */
export class AtomicRefusedError extends Error {
  override name = 'BadInput';
}

/** Throws AtomicRefusedError, before any journal or call, when the plan cannot be sent at all. */
export function refuseUnsendableAtomic(ops: readonly PlanInput[], keySchemas: KeySchemasByTable, scope?: AtomicScope, checks?: AtomicCheck[]): void {
  const plan = planAtomic(ops, keySchemas, scope ?? 'group', checks ?? []);
  if (plan.refused) throw new AtomicRefusedError(plan.refused);
}

function journalLines(outcomes: Record<string, AtomicOutcome>): JournalEntry[] {
  const by = (s: AtomicOutcome['status']) => Object.entries(outcomes).filter(([, o]) => o.status === s);
  const reasons = (s: AtomicOutcome['status']) => by(s).map(([id, o]) => ({ id, reason: 'reason' in o ? o.reason : s }));
  const lines: JournalEntry[] = [];
  if (by('written').length > 0) lines.push({ written: by('written').map(([id]) => id) });
  if (by('failed').length > 0) lines.push({ failed: reasons('failed') });
  if (by('held').length > 0) lines.push({ held: reasons('held') });
  if (by('conflict').length > 0) lines.push({ conflicts: by('conflict').map(([id]) => id) });
  return lines;
}

/** Runs `ops` as transactions. Throws AtomicRefusedError when the plan cannot be sent at all. */
export async function runAtomicCommit(
  client: DynamoDBClient,
  ops: readonly PlanInput[],
  keySchemas: KeySchemasByTable,
  o: AtomicCommitOptions,
): Promise<CommitReport> {
  const scope = o.scope ?? 'group';
  const checks = o.checks ?? [];
  const plan = planAtomic(ops, keySchemas, scope, checks);
  if (plan.refused) throw new AtomicRefusedError(plan.refused);
  let journal: JournalWriter;
  if (o.journal.resume) {
    journal = await JournalWriter.reopen(o.journal.path, await loadJournal(o.journal.path));
  } else {
    journal = await JournalWriter.create(o.journal.path, {
      journal: 'dynostage-commit',
      version: 1,
      createdAt: new Date().toISOString(),
      keySchemas,
      ops: [...ops],
      atomic: { scope, checks },
      ...(o.journal.connectionId !== undefined ? { connectionId: o.journal.connectionId } : {}),
    });
  }
  const total = ops.length;
  const started = performance.now();
  let calls = 0;
  const progress = (done: number, retrying: number): CommitProgress => {
    const seconds = (performance.now() - started) / 1000;
    return { total, done, failed: 0, retrying, canceled: 0, requests: calls, rounds: 0, consumedCapacity: 0, itemsPerSecond: seconds > 0 ? done / seconds : 0, concurrency: 1, inFlight: 1 };
  };
  const checkBytes = plan.checks.reduce((n, a) => n + JSON.stringify(a).length, 0);
  const report = await runAtomicGroups(client, plan.groups, {
    checks: { actions: plan.checks, labels: checks.map(checkLabel) },
    ...(scope === 'group'
      ? { regroup: { schemas: keySchemas, maxActions: MAX_TRANSACT_ACTIONS - plan.checks.length, maxBytes: MAX_TRANSACT_BYTES - checkBytes } }
      : {}),
    schemas: keySchemas,
    tokenSeed: o.commitId,
    resending: o.journal.resume === true,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.maxRounds ? { maxRounds: o.maxRounds } : {}),
    ...(o.backoffBaseMs ? { baseMs: o.backoffBaseMs } : {}),
    ...(o.backoffCapMs ? { capMs: o.backoffCapMs } : {}),
    ...(o.noProgressTimeoutMs ? { noProgressTimeoutMs: o.noProgressTimeoutMs } : {}),
    onGroup: (outcomes) => {
      for (const line of journalLines(outcomes)) journal.append(line);
    },
    onProgress: (p) => {
      calls = p.calls;
      o.onProgress?.(progress(p.done, p.retrying));
    },
  });
  for (const r of plan.rejected) report.outcomes[r.id] = { status: 'failed', reason: r.reason };
  let journalError: string | undefined;
  try {
    await journal.close();
  } catch (err) {
    journalError = err instanceof Error ? err.message : String(err);
  }
  return toCommitReport(ops, report.outcomes, report.calls, report.resent, report.consumedCapacity, (performance.now() - started) / 1000, journalError);
}

/** Resumes an atomic journal: its pending operations, with the journal's scope and checks. */
export async function resumeAtomicCommit(
  client: DynamoDBClient,
  commitId: string,
  path: string,
  o: Omit<AtomicCommitOptions, 'commitId' | 'journal' | 'scope' | 'checks'>,
): Promise<CommitReport & { alreadyWritten: number }> {
  const loaded = await loadJournal(path);
  const atomic = loaded.header.atomic!;
  const report = await runAtomicCommit(client, loaded.pending, loaded.header.keySchemas, {
    ...o,
    commitId,
    scope: atomic.scope,
    checks: atomic.checks,
    journal: { path, resume: true },
  });
  return { ...report, resent: loaded.pending.map((op) => op.id), alreadyWritten: loaded.written.size };
}

function toCommitReport(
  ops: readonly PlanInput[],
  outcomes: Record<string, AtomicOutcome>,
  calls: number,
  resent: number,
  consumedCapacity: number,
  seconds: number,
  journalError: string | undefined,
): CommitReport {
  const r: CommitReport = {
    outcomes: {},
    written: [],
    failed: [],
    held: [],
    conflicts: [],
    paused: [],
    canceled: [],
    superseded: [],
    resent: [],
    counters: {
      total: ops.length, written: 0, failed: 0, held: 0, conflicts: 0, paused: 0, canceled: 0, superseded: 0,
      requests: calls, opsSent: 0, rounds: 0, retriedOps: 0, unprocessed: 0, throttledCalls: 0, serverErrors: 0,
      networkErrors: resent, rejectedCalls: 0, consumedCapacity, seconds, itemsPerSecond: 0, finalConcurrency: 1,
    },
    ...(journalError ? { journalError } : {}),
  };
  for (const op of ops) {
    const x = outcomes[op.id] ?? { status: 'canceled', reason: 'Not sent' };
    let out: OpOutcome;
    if (x.status === 'written') {
      out = x;
      r.written.push(op.id);
    } else if (x.status === 'conflict') {
      out = { status: 'conflict', reason: x.reason, server: x.server };
      r.conflicts.push({ id: op.id, server: x.server });
    } else if (x.status === 'canceled' && x.reason.startsWith('Canceled')) {
      out = { status: 'canceled' };
      r.canceled.push(op.id);
    } else if (x.status === 'canceled') {
      // Not written, stays staged with why (another change of its transaction failed).
      out = { status: 'failed', reason: x.reason };
      r.failed.push({ id: op.id, reason: x.reason });
    } else {
      out = x;
      r[x.status].push({ id: op.id, reason: x.reason });
    }
    r.outcomes[op.id] = out;
  }
  const c = r.counters;
  c.written = r.written.length;
  c.failed = r.failed.length;
  c.held = r.held.length;
  c.conflicts = r.conflicts.length;
  c.paused = r.paused.length;
  c.itemsPerSecond = seconds > 0 ? c.written / seconds : 0;
  return r;
}

interface WireOptions {
  atomicScope?: AtomicScope;
  conditionChecks?: AtomicCheck[];
  maxRounds?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  noProgressTimeoutMs?: number;
}

/**
 * commit:start's atomic branch: refuses (BadInput) a plan that cannot be sent before any journal
 * exists, else returns the run to start once the journal's place is known.
 */
export async function atomicStart(
  client: DynamoDBClient,
  ops: readonly PlanInput[],
  staged: KeySchemasByTable,
  commitId: string,
  options: WireOptions = {},
) {
  const keySchemas = { ...staged };
  for (const c of options.conditionChecks ?? []) {
    if (keySchemas[c.table]) continue;
    try {
      keySchemas[c.table] = (await describeTable(client, c.table)).key;
    } catch (err) {
      throw new AtomicRefusedError(`Condition check on ${c.table}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  refuseUnsendableAtomic(ops, keySchemas, options.atomicScope, options.conditionChecks);
  return (journal: { path: string; connectionId: string }, signal: AbortSignal, onProgress: (p: CommitProgress) => void) =>
    runAtomicCommit(client, ops, keySchemas, {
      commitId,
      journal,
      signal,
      onProgress,
      ...(options.atomicScope ? { scope: options.atomicScope } : {}),
      ...(options.conditionChecks ? { checks: options.conditionChecks } : {}),
      ...(options.maxRounds ? { maxRounds: options.maxRounds } : {}),
      ...(options.backoffBaseMs ? { backoffBaseMs: options.backoffBaseMs } : {}),
      ...(options.backoffCapMs ? { backoffCapMs: options.backoffCapMs } : {}),
      ...(options.noProgressTimeoutMs ? { noProgressTimeoutMs: options.noProgressTimeoutMs } : {}),
    });
}

/** True when the journal at `path` is an atomic commit's (resumed as transactions). */
export async function isAtomicJournal(path: string): Promise<boolean> {
  try {
    return (await loadJournal(path)).header.atomic !== undefined;
  } catch {
    return false; // the regular resume reports what is wrong with it
  }
}
