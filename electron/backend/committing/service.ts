import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import { planInputs } from '../../../shared/changes/toPlan';
import { withGuards } from '../../../shared/changes/toPlanGuards';
import type { StagedChange } from '../../../shared/changes/types';
import type { commitChannels, commitOptionsSchema } from '../../../shared/contract/commit';
import { keyOf } from '../../../shared/dynamo/types';
import type { KeySchemas, PlanInput } from '../../../shared/plan/types';
import { checkDrift, readBack } from '../commit/drift';
import { executeCommit } from '../commit/executor';
import { loadJournal } from '../commit/journal';
import { resumeCommit } from '../commit/resume';
import type { CommitProgress, CommitReport } from '../commit/types';
import type { Services } from '../services';
import { describeTable } from '../tables/service';
import { refuseInvalidChanges } from '../validation/gate';
import { atomicStart, isAtomicJournal, resumeAtomicCommit } from './atomicCommit';
import { commitClientFor } from './commitClient';
import { JournalFolder } from './journals';
import { settleEntries } from './settle';
import type { OutcomeWire, ReportWire } from './types';

type StartInput = z.output<(typeof commitChannels)['commit:start']['input']>;
type Options = z.output<typeof commitOptionsSchema>;

function executorOptions(o: Options = {}, signal: AbortSignal) {
  return {
    concurrency: o.concurrency ?? 4,
    signal,
    ...(o.noProgressTimeoutMs ? { noProgressTimeoutMs: o.noProgressTimeoutMs } : {}),
    backoff: {
      ...(o.backoffBaseMs ? { baseMs: o.backoffBaseMs } : {}),
      ...(o.backoffCapMs ? { capMs: o.backoffCapMs } : {}),
      ...(o.maxRounds ? { maxRounds: o.maxRounds } : {}),
    },
  };
}

function emptyReport(commitId: string, status: ReportWire['status']): ReportWire {
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

/** Runs commits for the app: staged changes -> drift check -> executor + journal -> settle. */
export class CommitService {
  private readonly running = new Map<string, AbortController>();
  readonly journals: JournalFolder;

  constructor(private readonly s: Services) {
    this.journals = new JournalFolder(join(s.dataDir, 'commits'));
  }

  cancel(commitId: string): boolean {
    const c = this.running.get(commitId);
    c?.abort();
    return c !== undefined;
  }

  pending() {
    return this.journals.pending(new Set(this.running.keys()));
  }

  async start(input: StartInput): Promise<ReportWire> {
    const commitId = input.commitId ?? newCommitId();
    const all = await this.s.staging.changesOf(input.connectionId);
    const wanted = input.changeIds ? new Set(input.changeIds) : null;
    const changes = new Map([...all].filter(([id]) => !wanted || wanted.has(id)));
    if (changes.size === 0) return emptyReport(commitId, 'nothing');
    const client = await this.s.client(input.connectionId);
    // Nothing is read or sent while any staged item is one DynamoDB would reject.
    await refuseInvalidChanges(client, input.connectionId, changes);
    const commitClient = await commitClientFor(client);
    const keySchemas = await this.keySchemas(client, changes);
    const outcomes: Record<string, OutcomeWire> = {};
    const report = emptyReport(commitId, 'done');

    const snapshot = new Map(changes);
    const mode = input.options?.mode ?? 'guarded';
    if (input.options?.driftCheck !== false && mode !== 'atomic') {
      // Guarded writes check themselves; new items (batch puts) are checked for existence here.
      const checks = driftInputs(changes, mode === 'guarded');
      this.progress(commitId, 'drift', checks.length);
      const drift = await checkDrift(commitClient, checks, keySchemas);
      const open = drift.mismatches.filter((m) => !input.resolutions?.[m.id]);
      if (open.length > 0)
        return { ...report, status: 'conflicts', conflicts: open, unchecked: drift.unchecked };
      report.unchecked = drift.unchecked;
      for (const [id, choice] of Object.entries(input.resolutions ?? {})) {
        if (choice === 'skip' && changes.has(id)) {
          changes.delete(id);
          outcomes[id] = { status: 'skipped', reason: 'Skipped: the item changed on the server' };
        }
      }
    }
    const overwrite = new Set(
      Object.entries(input.resolutions ?? {})
        .filter(([, choice]) => choice === 'overwrite')
        .map(([id]) => id),
    );
    const ops = withGuards(planInputs(changes, input.connectionId), changes, {
      mode,
      overwrite,
      ...(input.options?.versionAttributes ? { versions: input.options.versionAttributes } : {}),
    });
    const atomic = mode === 'atomic' ? await atomicStart(commitClient, ops, keySchemas, commitId, input.options) : null;
    const path = await this.journals.begin(commitId, input.connectionId);
    const controller = new AbortController();
    this.running.set(commitId, controller);
    let result: CommitReport;
    try {
      const onProgress = (p: CommitProgress) => this.progress(commitId, 'writing', p.total, p);
      result = atomic ? await atomic({ path, connectionId: input.connectionId }, controller.signal, onProgress) : await executeCommit(
        commitClient,
        ops,
        keySchemas,
        { ...executorOptions(input.options, controller.signal), journal: { path, connectionId: input.connectionId } },
        { onProgress: (p) => this.progress(commitId, 'writing', p.total, p) },
      );
    } finally {
      this.running.delete(commitId);
    }
    return this.finish(
      commitId,
      input.connectionId,
      result,
      ops,
      keySchemas,
      snapshot,
      outcomes,
      input.options,
      commitClient,
    );
  }

  async resume(commitId: string, options: Options | undefined): Promise<ReportWire> {
    const connectionId = await this.journals.connectionOf(commitId);
    const client = await this.s.client(connectionId);
    const commitClient = await commitClientFor(client);
    const all = await this.s.staging.changesOf(connectionId);
    const snapshot = new Map(all);
    const controller = new AbortController();
    this.running.set(commitId, controller);
    let result: CommitReport & { alreadyWritten: number };
    const path = this.journals.journalPath(commitId);
    try {
      result = (await isAtomicJournal(path))
        ? await resumeAtomicCommit(commitClient, commitId, path, { ...options, signal: controller.signal, onProgress: (p) => this.progress(commitId, 'writing', p.total, p) })
        : await resumeCommit(
        commitClient,
        this.journals.journalPath(commitId),
        executorOptions(options, controller.signal),
        {
          onProgress: (p) => this.progress(commitId, 'writing', p.total, p),
        },
      );
    } finally {
      this.running.delete(commitId);
    }
    // Operations the killed run had already written count as written: they leave staging too.
    const journal = await loadJournal(this.journals.journalPath(commitId)).catch(() => null);
    const outcomes: Record<string, OutcomeWire> = {};
    for (const id of journal?.written ?? []) outcomes[id] = { status: 'written' };
    const ops = journal?.header.ops ?? [];
    return this.finish(
      commitId,
      connectionId,
      result,
      ops,
      journal?.header.keySchemas ?? {},
      snapshot,
      outcomes,
      options,
      commitClient,
    );
  }

  private async finish(
    commitId: string,
    connectionId: string,
    result: CommitReport,
    ops: PlanInput[],
    keySchemas: KeySchemas,
    snapshot: Map<string, StagedChange>,
    outcomes: Record<string, OutcomeWire>,
    options: Options | undefined,
    commitClient: Awaited<ReturnType<typeof commitClientFor>>,
  ): Promise<ReportWire> {
    const report = emptyReport(commitId, 'done');
    for (const [id, o] of Object.entries(result.outcomes)) {
      outcomes[id] = o.status === 'conflict' ? { status: 'conflict', reason: o.reason } : o;
    }
    report.conflicts = conflictsOf(result, snapshot, keySchemas);
    if (report.conflicts.length > 0) report.status = 'conflicts';
    if (result.paused.length > 0) {
      report.status = 'paused';
      report.pauseReason = result.paused[0]?.reason;
    }
    const current = await this.s.staging.changesOf(connectionId);
    await this.s.staging.apply(settleEntries(snapshot, current, outcomes));
    // A paused commit keeps its journal: Resume goes on from it.
    if (!result.journalError && result.paused.length === 0) await this.journals.finish(commitId);
    const written = ops.filter((op) => outcomes[op.id]?.status === 'written');
    if (options?.readBack) {
      this.progress(commitId, 'readBack', written.length);
      const back = await readBack(commitClient, written, keySchemas);
      report.readBackMismatches = back.mismatches;
    }
    report.refreshed = written.map((op) => ({
      id: op.id,
      table: op.table,
      key: op.kind === 'put' ? keyOf(op.item, keySchemas[op.table]!) : op.key,
      item: op.kind === 'put' ? op.item : null,
    }));
    const c = result.counters;
    this.progress(commitId, 'done', c.total);
    return {
      ...report,
      outcomes,
      resent: result.resent,
      counters: {
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
      },
      ...(result.journalError ? { journalError: result.journalError } : {}),
    };
  }

  private async keySchemas(
    client: Awaited<ReturnType<Services['client']>>,
    changes: Map<string, StagedChange>,
  ): Promise<KeySchemas> {
    const out: KeySchemas = {};
    for (const table of new Set([...changes.values()].map((c) => c.table))) {
      out[table] = (await describeTable(client, table)).key;
    }
    return out;
  }

  private progress(
    commitId: string,
    phase: 'drift' | 'writing' | 'readBack' | 'done',
    total: number,
    p?: CommitProgress,
  ): void {
    this.s.emit({
      type: 'commit:progress',
      commitId,
      phase,
      total,
      done: p?.done ?? 0,
      failed: p?.failed ?? 0,
      retrying: p?.retrying ?? 0,
      canceled: p?.canceled ?? 0,
      requests: p?.requests ?? 0,
      rounds: p?.rounds ?? 0,
      consumedCapacity: p?.consumedCapacity ?? 0,
      itemsPerSecond: p?.itemsPerSecond ?? 0,
      concurrency: p?.concurrency ?? 0,
    });
  }
}

function newCommitId(): string {
  return (
    new Date()
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14) +
    '-' +
    randomBytes(4).toString('hex')
  );
}

/** What the check before writing reads: every change (batch mode) or only new items (guarded). */
function driftInputs(changes: Map<string, StagedChange>, putsOnly: boolean) {
  const out = [];
  for (const [id, c] of changes) {
    if (c.kind === 'put') out.push({ id, table: c.table, key: c.key, original: null });
    else if (!putsOnly) out.push({ id, table: c.table, key: c.key, original: c.original });
  }
  return out;
}

/** Guarded writes refused by their condition, as the conflict view shows them. */
function conflictsOf(
  result: CommitReport,
  snapshot: ReadonlyMap<string, StagedChange>,
  keySchemas: KeySchemas,
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
