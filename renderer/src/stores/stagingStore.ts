/**
 * The staging area of the whole app: staged changes and their undo history (data only, keyed by
 * change id = connection + table + canonical key), and the key schemas edits need. Every action
 * saves the ids it touched through `staging:apply`, in order, so staged work survives sorting,
 * new queries, switching tables or connections, reloads and restarts.
 */
import { create } from 'zustand';
import {
  stageStep,
  emptyHistory,
  redo as redoStep,
  undo as undoStep,
} from '../../../shared/changes/history';
import { toDelta } from '../../../shared/changes/wire';
import type { History } from '../../../shared/changes/history';
import { emptyStaging, tableRef } from '../../../shared/changes/types';
import type {
  Changes,
  Edit,
  ItemTarget,
  KeySchemasByRef,
  Patch,
  StagedChange,
  StagingState,
} from '../../../shared/changes/types';
import type { StagingEntry, StagingProblem } from '../../../shared/contract/staging';
import type { KeySchema, KeyType } from '../../../shared/dynamo/types';
import { call } from '../api/client';
import { afterPaint } from './afterPaint';
import { createPersistQueue, type PersistStatus } from '../features/staging/persistQueue';
import { describeEdit } from '../../../shared/staging/describeEdit';
import { laterRevision, revisionWhenSaved, type SavedStaging } from './stagingSaved';
import { encoderFor, saveBatch } from './stagingSave';
import { describeKnown } from './tablesStore';

export interface StagingData {
  staging: StagingState;
  history: History;
  /** Key schemas by tableRef(connectionId, table). */
  keySchemas: KeySchemasByRef;
  /** Tables whose schema was read off a saved change's key and not yet confirmed by DynamoDB. */
  inferred: Readonly<Record<string, true>>;
  loadState: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** Saved files that could not be read (moved aside by the backend), to show the user. */
  problems: StagingProblem[];
  persist: PersistStatus;
  /** The backend's staging revision after the last save it acknowledged (or the last load). */
  savedRevision: number;
}

const initial: StagingData = {
  staging: emptyStaging,
  history: emptyHistory,
  keySchemas: {},
  inferred: {},
  loadState: 'idle',
  loadError: null,
  problems: [],
  persist: { saving: false, unsaved: 0, error: null },
  savedRevision: 0,
};

export const useStagingStore = create<StagingData>(() => initial);

const get = useStagingStore.getState;
const set = useStagingStore.setState;

const queue = createPersistQueue(
  async (entries, body) => set(laterRevision(await saveBatch(entries, body))),
  (persist) => set({ persist }),
  undefined,
  afterPaint,
  (entries) => encoderFor(entries, get().keySchemas), // served rows named, bulk edits grouped
);

/** The table and key schema of one edit target, so the store can place its change. */
export interface TableSchema {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
}

export type StageResult = { ok: true; touched: number } | { ok: false; error: string };

function entriesOf(patch: Patch, direction: 'undo' | 'redo'): StagingEntry[] {
  return patch.entries.map((e) => {
    const any = (e.after ?? e.before) as StagedChange;
    const change = direction === 'undo' ? e.before : e.after;
    const entry: StagingEntry = { id: e.id, connectionId: any.connectionId, table: any.table };
    // An update travels as its original and what differs: half the bytes of a bulk edit's save.
    const delta = change && toDelta(change);
    if (delta) entry.update = delta;
    else if (change) entry.change = change;
    return entry;
  });
}

function withSchemas(extra: readonly TableSchema[]): KeySchemasByRef {
  const { keySchemas, inferred } = get();
  let next: Record<string, KeySchema> | null = null;
  let nextInferred: Record<string, true> | null = null;
  for (const s of extra) {
    const ref = tableRef(s.connectionId, s.table);
    if (keySchemas[ref] === s.keySchema && !inferred[ref]) continue;
    (next ??= { ...keySchemas })[ref] = s.keySchema;
    if (inferred[ref]) delete (nextInferred ??= { ...inferred })[ref];
  }
  if (next) set({ keySchemas: next, ...(nextInferred ? { inferred: nextInferred } : {}) });
  return next ?? keySchemas;
}

/** What each undo step did, in words (toasts, "Undid: …"); keyed by the step's patch. */
const labels = new WeakMap<Patch, string>();

/** The words describing an undo step, when it was staged in this session. */
export function stepLabel(patch: Patch | undefined): string | undefined {
  return patch ? labels.get(patch) : undefined;
}

/**
 * Applies `edit` as one undo step (a batch included) and saves the ids it touched; `label` says
 * what it did (default: describeEdit).
 */
function stage(edit: Edit, schemas: readonly TableSchema[] = [], label?: string): StageResult {
  const keySchemas = withSchemas(schemas);
  const { staging, history } = get();
  let step;
  try {
    step = stageStep(staging, history, edit, keySchemas);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  if (step.history === history) return { ok: true, touched: 0 };
  const patch = step.history.past[step.history.past.length - 1] as Patch;
  // Before the state changes: subscribers (the toasts) read the label.
  labels.set(patch, label ?? describeEdit(edit, keySchemas));
  set({ staging: step.state, history: step.history });
  queue.push(entriesOf(patch, 'redo'));
  return { ok: true, touched: patch.entries.length };
}

function undo(): boolean {
  const { staging, history } = get();
  const patch = history.past[history.past.length - 1];
  if (!patch) return false;
  const step = undoStep(staging, history);
  set({ staging: step.state, history: step.history });
  // Saved just after the frame that shows it (in order with any later save).
  queue.defer(entriesOf(patch, 'undo'));
  return true;
}

function redo(): boolean {
  const { staging, history } = get();
  const patch = history.future[history.future.length - 1];
  if (!patch) return false;
  const step = redoStep(staging, history);
  set({ staging: step.state, history: step.history });
  queue.defer(entriesOf(patch, 'redo'));
  return true;
}

const KEY_TYPES = new Set(['S', 'N', 'B']);

/**
 * A key schema read off a saved change: its key holds the key attributes, partition key first
 * (keyOf writes them in that order and JSON keeps it). Used until DynamoDB confirms the schema.
 */
export function inferKeySchema(change: StagedChange): KeySchema | null {
  const attrs = Object.entries(change.key).map(([name, v]) => ({
    name,
    type: Object.keys(v)[0] as KeyType,
  }));
  const [pk, sk] = attrs;
  if (!pk || attrs.length > 2 || !attrs.every((a) => KEY_TYPES.has(a.type))) return null;
  return sk ? { partitionKey: pk, sortKey: sk } : { partitionKey: pk };
}

/** Key schemas for the tables of `changes` that have none yet, read off their keys. */
function inferMissing(
  changes: Changes,
  keySchemas: KeySchemasByRef,
  inferred: Readonly<Record<string, true>>,
) {
  const schemas: Record<string, KeySchema> = { ...keySchemas };
  const guessed: Record<string, true> = { ...inferred };
  const toConfirm: [string, string][] = [];
  for (const c of changes.values()) {
    const ref = tableRef(c.connectionId, c.table);
    if (schemas[ref]) continue;
    const s = inferKeySchema(c);
    if (!s) continue;
    schemas[ref] = s;
    guessed[ref] = true;
    toConfirm.push([c.connectionId, c.table]);
  }
  return { schemas, guessed, toConfirm };
}

async function confirmSchema(connectionId: string, table: string): Promise<void> {
  try {
    const d = await describeKnown(connectionId, table);
    withSchemas([{ connectionId, table, keySchema: d.key }]);
  } catch {
    // The connection may be unreachable now; the inferred schema serves until it is.
  }
}

let started: Promise<void> | null = null;

/** Loads the saved staging area once (later calls return the same promise). */
function init(): Promise<void> {
  started ??= (async () => {
    set({ loadState: 'loading', loadError: null });
    try {
      const { entries, problems, revision } = await call('staging:load', {});
      const { staging, keySchemas, inferred } = get();
      const changes = new Map<string, StagedChange>();
      for (const e of entries) changes.set(e.id, e.change);
      for (const [id, c] of staging.changes) changes.set(id, c); // staged while loading: wins
      const { schemas, guessed, toConfirm } = inferMissing(changes, keySchemas, inferred);
      set({
        staging: { changes },
        keySchemas: schemas,
        inferred: guessed,
        problems,
        loadState: 'ready',
        savedRevision: Math.max(get().savedRevision, revision),
      });
      await Promise.all(toConfirm.map(([conn, table]) => confirmSchema(conn, table)));
    } catch (err) {
      set({ loadState: 'failed', loadError: (err as Error).message });
      started = null;
    }
  })();
  return started;
}

/** The actions on the staging area; components read data through the selectors below. */
export const stagingActions = {
  init,
  stage,
  undo,
  redo,
  revertAttribute: (target: ItemTarget, name: string) =>
    stage({ type: 'revertAttribute', target, name }),
  revertItem: (target: ItemTarget) => stage({ type: 'revertItem', target }),
  /** Reverts everything, or one connection's or table's changes; one undo step. */
  revertAll: (scope: { connectionId?: string; table?: string } = {}) =>
    stage({ type: 'revertAll', ...scope }),
  /** Reverts the given change ids (a filtered review list); one undo step. */
  revertIds(ids: readonly string[]): StageResult {
    const { changes } = get().staging;
    const edits: Edit[] = [];
    for (const id of ids) {
      const c = changes.get(id);
      if (!c) continue;
      const target: ItemTarget = { connectionId: c.connectionId, table: c.table, key: c.key };
      edits.push({ type: 'revertItem', target });
    }
    return stage({ type: 'batch', edits });
  },
  /** Remembers a table's key schema (the grid and dialogs call this when they describe a table). */
  registerKeySchema: (s: TableSchema) => void withSchemas([s]),
  /** Asks DynamoDB for a table's key schema when none is known or it was only inferred. */
  async ensureKeySchema(connectionId: string, table: string): Promise<KeySchema | undefined> {
    const ref = tableRef(connectionId, table);
    if (!get().keySchemas[ref] || get().inferred[ref]) await confirmSchema(connectionId, table);
    return get().keySchemas[ref];
  },
  /**
   * Replaces the staged changes with the backend's saved ones (staging:load after a commit, which
   * settled them on disk: written ones gone, failed and canceled ones with their reason). Undo
   * history is cleared: it cannot reach across a commit. Takes the load's answer, made after saved().
   */
  replaceFromBackend({ entries, revision }: SavedStaging): void {
    const changes = new Map<string, StagedChange>();
    for (const e of entries) changes.set(e.id, e.change);
    const { keySchemas, inferred } = get();
    const { schemas, guessed, toConfirm } = inferMissing(changes, keySchemas, inferred);
    set({ staging: { changes }, history: emptyHistory, keySchemas: schemas, inferred: guessed });
    set(laterRevision(revision));
    for (const [conn, table] of toConfirm) void confirmSchema(conn, table);
  },
  dismissProblems: () => set({ problems: [] }),
  retrySave: () => queue.retry(),
  /** The revision holding every staged action so far, once saved (see revisionWhenSaved). */
  saved: () => revisionWhenSaved(() => queue.idle(), get),
};

export const selectChanges = (s: StagingData) => s.staging.changes;
export const selectKeySchemas = (s: StagingData) => s.keySchemas;
/** How many changes are staged. */
export const selectChangeCount = (s: StagingData) => s.staging.changes.size;
export const selectCanUndo = (s: StagingData) => s.history.past.length > 0;
export const selectCanRedo = (s: StagingData) => s.history.future.length > 0;
export const selectProblems = (s: StagingData) => s.problems;
export const selectPersist = (s: StagingData) => s.persist;
export const selectLoadState = (s: StagingData) => s.loadState;
