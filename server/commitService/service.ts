import { join } from 'node:path';
import type { z } from 'zod';
import { newCommitId } from '../../shared/changes/identity';
import { planInputs } from '../../shared/changes/toPlan';
import { withGuards } from '../../shared/changes/toPlanGuards';
import type { StagedChange } from '../../shared/changes/types';
import type { commitChannels } from '../../shared/contract/commit';
import type { KeySchemasByTable } from '../../shared/plan/types';
import { checkDrift } from '../commitEngine/drift';
import { executeCommit } from '../commitEngine/executor';
import { loadJournal } from '../commitEngine/journal';
import { resumeCommit, type ResumeReport } from '../commitEngine/resume';
import type { CommitProgress, CommitReport } from '../commitEngine/types';
import type { Services } from '../services';
import { describeTable } from '../tables/service';
import { refuseInvalidChanges } from '../validation/gate';
import { atomicStart, isAtomicJournal, resumeAtomicCommit } from './atomicCommit';
import { commitClientFor } from './commitClient';
import { basesOf, driftInputs } from './driftInputs';
import { finishCommit } from './finish';
import { JournalFolder } from './journals';
import {
  DRIFT_REASON,
  executorOptions,
  readOptions,
  UNCHECKED_REASON,
  type Options,
} from './options';
import { emitProgress } from './progress';
import { canceledReport, emptyReport } from './report';
import { savedPlanAsReviewed } from './reviewedPlan';
import type { OutcomeWire, ReportWire } from './types';

type StartInput = z.output<(typeof commitChannels)['commit:start']['input']>;

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
    // The saved plan must be the reviewed one: checked before anything is read or written.
    const all = await savedPlanAsReviewed(this.s.staging, input, input.reviewed);
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
    // Registered before the drift check, so that a cancel stops its reads too.
    const controller = new AbortController();
    if (input.options?.driftCheck !== false && mode !== 'atomic') {
      // Guarded writes check themselves; new items (batch puts) are checked for existence here.
      const checks = driftInputs(changes, mode === 'guarded');
      emitProgress(this.s, commitId, 'drift', checks.length);
      this.running.set(commitId, controller);
      const read = { ...readOptions(input.options), signal: controller.signal };
      const drift = await checkDrift(commitClient, checks, keySchemas, read).finally(() => this.running.delete(commitId));
      if (controller.signal.aborted) return canceledReport(commitId, [...changes.keys()]);
      const open = drift.mismatches.filter((m) => !input.resolutions?.[m.id]);
      if (open.length > 0)
        return { ...report, status: 'conflicts', conflicts: open, unchecked: drift.unchecked };
      report.unchecked = drift.unchecked;
      // An item the check could not read is not written blind: it stays staged.
      for (const id of drift.unchecked) {
        changes.delete(id);
        outcomes[id] = { status: 'failed', reason: UNCHECKED_REASON };
      }
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
    this.running.set(commitId, controller);
    let result: CommitReport;
    try {
      const onProgress = (p: CommitProgress) => emitProgress(this.s, commitId, 'writing', p.total, p);
      result = atomic ? await atomic({ path, connectionId: input.connectionId }, controller.signal, onProgress) : await executeCommit(
        commitClient,
        ops,
        keySchemas,
        { ...executorOptions(input.options, controller.signal), ...(await this.hint(input.connectionId)), journal: { path, connectionId: input.connectionId } },
        { onProgress },
      );
    } finally {
      this.running.delete(commitId);
    }
    return finishCommit(this.s, this.journals, {
      commitId,
      connectionId: input.connectionId,
      result,
      ops,
      keySchemas,
      snapshot,
      outcomes,
      options: input.options,
      unchecked: report.unchecked,
      commitClient,
    });
  }

  async resume(commitId: string, options: Options | undefined): Promise<ReportWire> {
    const connectionId = await this.journals.connectionOf(commitId);
    const client = await this.s.client(connectionId);
    const commitClient = await commitClientFor(client);
    const all = await this.s.staging.changesOf(connectionId);
    const snapshot = new Map(all);
    const controller = new AbortController();
    this.running.set(commitId, controller);
    let result: ResumeReport;
    const path = this.journals.journalPath(commitId);
    try {
      const onProgress = (p: CommitProgress) => emitProgress(this.s, commitId, 'writing', p.total, p);
      result = (await isAtomicJournal(path))
        ? {
            // A transaction's conditions are its re-check: nothing is drift-read before a resume.
            ...(await resumeAtomicCommit(commitClient, commitId, path, { ...options, signal: controller.signal, onProgress })),
            drift: { mismatches: [], unchecked: [] },
            heldByDrift: [],
          }
        : await resumeCommit(
        commitClient,
        path,
        { ...executorOptions(options, controller.signal), ...(await this.hint(connectionId)) },
        { onProgress: (p) => emitProgress(this.s, commitId, 'writing', p.total, p) },
        // Batch writes are drift-checked again against what their edits were based on.
        options?.driftCheck === false
          ? {}
          : { bases: basesOf(snapshot), read: { ...readOptions(options), signal: controller.signal } },
      );
    } finally {
      this.running.delete(commitId);
    }
    // Operations the killed run had already written count as written: they leave staging too.
    const journal = await loadJournal(this.journals.journalPath(commitId)).catch(() => null);
    const outcomes: Record<string, OutcomeWire> = {};
    for (const id of journal?.written ?? []) outcomes[id] = { status: 'written' };
    for (const m of result.drift.mismatches) outcomes[m.id] = { status: 'conflict', reason: DRIFT_REASON };
    for (const id of result.drift.unchecked) outcomes[id] = { status: 'failed', reason: UNCHECKED_REASON };
    for (const h of result.heldByDrift) outcomes[h.id] = { status: 'held', reason: h.reason };
    return finishCommit(this.s, this.journals, {
      commitId,
      connectionId,
      result,
      ops: journal?.header.ops ?? [],
      keySchemas: journal?.header.keySchemas ?? {},
      snapshot,
      outcomes,
      options,
      unchecked: result.drift.unchecked,
      driftConflicts: result.drift.mismatches,
      commitClient,
    });
  }

  /** The pause message's what-to-do for this connection (its profile named). */
  private async hint(connectionId: string): Promise<{ credentialsHint?: string }> {
    const h = await this.s.connections.credentialsHint(connectionId);
    return h ? { credentialsHint: h } : {};
  }

  private async keySchemas(
    client: Awaited<ReturnType<Services['client']>>,
    changes: Map<string, StagedChange>,
  ): Promise<KeySchemasByTable> {
    const out: KeySchemasByTable = {};
    for (const table of new Set([...changes.values()].map((c) => c.table))) {
      out[table] = (await describeTable(client, table)).key;
    }
    return out;
  }
}
