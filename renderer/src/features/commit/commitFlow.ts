/**
 * The commit flow: commit:start or commit:resume (with an id chosen here, so Cancel can name it),
 * live commit:progress, then staging reloaded, grid rows refreshed, conflicts kept. Sole commitStore writer.
 */
import { newCommitId } from '../../../../shared/changes/identity';
import type { CommitProgressEvent, CommitReportWire } from '../../../../shared/contract/commit';
import { call, onEvent } from '../../api/client';
import { DEFAULT_OPTIONS, useCommitStore } from '../../stores/commitStore';
import type {
  CommitKind,
  CommitOptionsState,
  CommitRequest,
  CommitRunView,
} from '../../stores/commitStore';
import { useItemsStore } from '../../stores/itemsStore';
import { stagingActions, useStagingStore } from '../../stores/stagingStore';
import { reviewActions } from '../review/reviewStore';
import {
  afterWrite,
  failedIds,
  labelsOf,
  refreshesByTable,
  reloadsOf,
  resolutionsOf,
} from './commitModel';
import { choose, chooseMany } from './conflictChoices';
import { reviewedPlan } from './reviewedPlan';
import { browserStorage, saveVersionAttributes } from './versionSettings';
import { wireOptions } from './wireOptions';

const get = useCommitStore.getState;
const set = useCommitStore.setState;

function patchRun(commitId: string, patch: Partial<CommitRunView>): void {
  set((s) => (s.run?.commitId === commitId ? { run: { ...s.run, ...patch } } : {}));
}

async function sendCancel(commitId: string): Promise<void> {
  try {
    const r = await call('commit:cancel', { commitId });
    if (r.canceled) patchRun(commitId, { cancelSent: true });
  } catch {
    // The host may be gone; the commit call reports what happened.
  }
}

function onProgress(e: CommitProgressEvent): void {
  const run = get().run;
  if (run?.commitId !== e.commitId) return;
  // The 'done' event carries no figures: keep the last ones until the report arrives.
  const progress = e.phase === 'writing' ? e : run.progress;
  patchRun(e.commitId, { phase: e.phase, progress });
  // A cancel asked for during the drift check reached no running writer: ask again now.
  if (run.cancelRequested && !run.cancelSent && e.phase === 'writing') void sendCancel(e.commitId);
}

/** The staging area as the backend settled it: written changes gone, failed ones with reasons. */
async function reloadStaging(): Promise<void> {
  // Staging saved first: a load before the last save would drop it from the screen.
  await stagingActions.saved();
  stagingActions.replaceFromBackend(await call('staging:load', {}));
}

function refreshGrid(connectionId: string, report: Pick<CommitReportWire, 'refreshed'>): void {
  const { refreshRows } = useItemsStore.getState();
  for (const [table, rows] of refreshesByTable(report)) refreshRows({ connectionId, table }, rows);
}

/** Runs one commit:start or commit:resume call with live progress, then settles its outcome. */
async function run(
  kind: CommitKind,
  commitId: string,
  request: CommitRequest,
  send: () => Promise<CommitReportWire>,
  alreadyWritten = 0,
): Promise<void> {
  set({
    run: {
      commitId,
      connectionId: request.connectionId,
      kind,
      phase: 'starting',
      progress: null,
      alreadyWritten,
      cancelRequested: false,
      cancelSent: false,
    },
    last: null,
    conflicts: null,
    error: null,
  });
  const off = onEvent('commit:progress', onProgress);
  try {
    const report = await send();
    if (report.status === 'conflicts' && report.counters.total === 0) {
      set({
        conflicts: { request, list: report.conflicts, unchecked: report.unchecked, choices: {} },
      });
      return;
    }
    if (report.conflicts.length > 0) {
      // Guarded writes (or Atomic transactions) refused by their condition (a paused commit may
      // have some too): the rest was committed, or failed as the report says. The conflicts stay staged; resolving them commits just those.
      const ids = report.conflicts.map((c) => c.id);
      set({
        conflicts: {
          request: { connectionId: request.connectionId, changeIds: ids },
          list: report.conflicts,
          unchecked: report.unchecked,
          choices: {},
          afterWrite: afterWrite(report, alreadyWritten),
        },
      });
    }
    refreshGrid(request.connectionId, report);
    await reloadStaging();
    set({ last: { kind, request, report, alreadyWritten } });
  } catch (err) {
    set({ error: (err as Error).message });
    // Part of it may have been written and settled; show the staging area as it stands.
    await reloadStaging().catch(() => undefined);
  } finally {
    off();
    set((s) => (s.run?.commitId === commitId ? { run: null } : {}));
  }
}

/** Commits the staged changes of a connection (only `changeIds` when given). */
async function start(
  request: CommitRequest,
  resolutions?: Record<string, 'overwrite' | 'skip'>,
): Promise<void> {
  if (get().run) return;
  const { changes } = useStagingStore.getState().staging;
  set({ labels: labelsOf(changes, request.connectionId, request.changeIds) });
  const commitId = newCommitId();
  const options = wireOptions(get().options);
  await run('commit', commitId, request, async () => {
    const scope = {
      connectionId: request.connectionId,
      ...(request.changeIds ? { changeIds: request.changeIds } : {}),
      ...(resolutions && Object.keys(resolutions).length > 0 ? { resolutions } : {}),
      options,
    };
    // The backend commits the saved staging only if it makes the plan reviewed here.
    return call('commit:start', { ...scope, commitId, reviewed: await reviewedPlan(scope) });
  });
}

/** Stops sending new requests; what was in flight finishes and the report says what was written. */
async function cancel(): Promise<void> {
  const r = get().run;
  if (!r || r.cancelRequested) return;
  patchRun(r.commitId, { cancelRequested: true });
  await sendCancel(r.commitId);
}

/** Sends the failed operations of the last commit again, and nothing else. */
function retryFailed(): Promise<void> {
  const last = get().last;
  if (!last) return Promise.resolve();
  const ids = failedIds(last.report);
  if (ids.length === 0) return Promise.resolve();
  return start({ connectionId: last.request.connectionId, changeIds: ids });
}

/**
 * Applies the conflict choices: reloaded items are un-staged and their grid rows take the server
 * image; then the commit runs again with the overwrite and skip choices.
 */
async function applyChoices(): Promise<void> {
  const open = get().conflicts;
  if (!open || get().run) return;
  const { connectionId } = open.request;
  const reloads = reloadsOf(open);
  if (reloads.length > 0) {
    stagingActions.revertIds(reloads.map((c) => c.id));
    refreshGrid(connectionId, {
      refreshed: reloads.map((c) => ({ id: c.id, table: c.table, key: c.key, item: c.server })),
    });
  }
  await start(open.request, resolutionsOf(open));
}

/** Reads the interrupted commits the backend found at start. */
async function checkPending(): Promise<void> {
  try {
    const { commits } = await call('commit:pending', {});
    set({ interrupted: commits });
  } catch {
    // No backend yet or an old one: nothing to offer.
  }
}

function dropInterrupted(commitId: string): void {
  set((s) => ({ interrupted: s.interrupted.filter((c) => c.commitId !== commitId) }));
}

/** Finishes an interrupted commit from its journal, shown in the review pane like any commit. */
async function resume(commitId: string): Promise<void> {
  const pending = get().interrupted.find((c) => c.commitId === commitId);
  if (!pending || get().run) return;
  dropInterrupted(commitId);
  reviewActions.setOpen(true);
  await stagingActions.init();
  const { changes } = useStagingStore.getState().staging;
  set({ labels: labelsOf(changes, pending.connectionId) });
  const options = wireOptions(get().options);
  await run(
    'resume',
    commitId,
    { connectionId: pending.connectionId },
    () => call('commit:resume', { commitId, options }),
    pending.written,
  );
}

/**
 * Continues the paused commit of the last report from its journal (commit:resume), once the user
 * fixed what paused it: what it had written stays written, the rest is sent with its guards.
 */
async function continuePaused(): Promise<void> {
  const last = get().last;
  if (!last || last.report.status !== 'paused' || get().run) return;
  const { commitId } = last.report;
  const written = last.alreadyWritten + last.report.counters.written;
  const options = wireOptions(get().options);
  await run(
    'continue',
    commitId,
    { connectionId: last.request.connectionId },
    () => call('commit:resume', { commitId, options }),
    written,
  );
}

/** Gives up the paused commit of the last report: its journal is moved aside, changes stay staged. */
async function discardPaused(): Promise<void> {
  const last = get().last;
  if (last?.report.status !== 'paused' || get().run) return;
  set({ last: null });
  await discard(last.report.commitId);
}

/** Forgets an interrupted commit; its changes stay staged. */
async function discard(commitId: string): Promise<void> {
  dropInterrupted(commitId);
  try {
    await call('commit:discard', { commitId });
  } catch (err) {
    set({ error: (err as Error).message });
  }
}

export const commitActions = {
  start,
  cancel,
  retryFailed,
  choose,
  chooseMany,
  applyChoices,
  /** Leaves the conflicts as they are: nothing was written, everything stays staged. */
  dropConflicts: () => set({ conflicts: null }),
  dismissReport: () => set({ last: null, error: null }),
  setOptions: (patch: Partial<CommitOptionsState>) =>
    set((s) => ({ options: { ...s.options, ...patch } })),
  resetOptions: () =>
    set((s) => ({
      // The version attributes are table settings, not options to reset with the others.
      options: { ...DEFAULT_OPTIONS, versionAttributes: s.options.versionAttributes },
    })),
  /** Names the version attribute of `table` (empty: none). */
  setVersionAttribute: (table: string, name: string) => {
    // fromEntries: own keys, a table named __proto__ included; saved for the next launch.
    const versionAttributes = Object.fromEntries([
      ...Object.entries(get().options.versionAttributes).filter(([t]) => t !== table),
      [table, name],
    ]);
    set((s) => ({ options: { ...s.options, versionAttributes } }));
    saveVersionAttributes(browserStorage(), versionAttributes);
  },
  checkPending,
  resume,
  discard,
  continuePaused,
  discardPaused,
};
