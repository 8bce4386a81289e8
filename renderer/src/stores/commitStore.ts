/**
 * The commit UI's state: the options, the commit running now and its live figures, the last
 * report, open conflicts with the user's choices, and interrupted commits found at start. Data
 * only (ids, strings, wire objects); features/commit/commitFlow.ts calls the backend and sets it.
 */
import { create } from 'zustand';
import type {
  CommitProgressEvent,
  CommitReportWire,
  ConditionCheck,
  Conflict,
  PendingCommit,
} from '../../../shared/contract/commit';
import type { WriteMode } from '../../../shared/plan/types';
import { browserStorage, loadVersionAttributes } from '../features/commit/versionSettings';

export interface CommitOptionsState {
  /** guarded: conditional single-item writes of loaded items; batch: BatchWriteItem, last writer wins. */
  mode: WriteMode;
  driftCheck: boolean;
  readBack: boolean;
  /** Requests in flight at the start, 1..8. */
  concurrency: number;
  /**
   * A cap on retry rounds per operation, or null (the default): retry until DynamoDB answers
   * something retrying cannot change, or the commit makes no progress for 60 s.
   */
  maxRounds: number | null;
  /** Atomic mode: each transaction all or nothing (group), or everything in one (all, ≤ 100 actions). */
  atomicScope: 'group' | 'all';
  /** Atomic mode: items that must exist (or not) for each transaction to be written. */
  conditionChecks: ConditionCheck[];
  /**
   * Version attribute (optimistic lock) by table name: guarded writes are conditioned on it and
   * increment it. Tables not named here have none.
   */
  versionAttributes: Readonly<Record<string, string>>;
}

/** commit: commit:start; resume: an interrupted commit; continue: a paused one, from its journal. */
export type CommitKind = 'commit' | 'resume' | 'continue';

/** What was asked of commit:start, so a conflict answer or a retry can ask again. */
export interface CommitRequest {
  connectionId: string;
  changeIds?: string[];
}

export interface CommitRunView {
  commitId: string;
  connectionId: string;
  kind: CommitKind;
  /** 'starting' until the first progress event arrives. */
  phase: 'starting' | CommitProgressEvent['phase'];
  /** The latest figures of the writing phase. */
  progress: CommitProgressEvent | null;
  /** Operations a resumed commit had written before it was interrupted. */
  alreadyWritten: number;
  cancelRequested: boolean;
  /** The backend confirmed the cancel (it may come only once writing has begun). */
  cancelSent: boolean;
}

export interface FinishedCommit {
  kind: CommitKind;
  request: CommitRequest;
  report: CommitReportWire;
  alreadyWritten: number;
}

export type ConflictChoice = 'overwrite' | 'skip' | 'reload';

export interface OpenConflicts {
  request: CommitRequest;
  list: Conflict[];
  unchecked: string[];
  choices: Readonly<Record<string, ConflictChoice>>;
  /**
   * Refused by their condition while the commit ran (Guarded or Atomic), not found before it:
   * how many of its other changes were written (earlier runs of a resumed commit included) and
   * how many were not (failed, held, paused, canceled).
   */
  afterWrite?: { written: number; unwritten: number };
}

export interface CommitData {
  options: CommitOptionsState;
  run: CommitRunView | null;
  last: FinishedCommit | null;
  conflicts: OpenConflicts | null;
  /** Change id -> "Table · key", taken when the commit started (written ones leave staging). */
  labels: Readonly<Record<string, string>>;
  error: string | null;
  interrupted: PendingCommit[];
}

export const DEFAULT_OPTIONS: CommitOptionsState = {
  mode: 'guarded',
  driftCheck: true,
  readBack: false,
  concurrency: 4,
  maxRounds: null,
  atomicScope: 'group',
  conditionChecks: [],
  versionAttributes: {},
};

export const useCommitStore = create<CommitData>(() => ({
  // The version attributes are table settings, kept across reloads (versionSettings.ts).
  options: { ...DEFAULT_OPTIONS, versionAttributes: loadVersionAttributes(browserStorage()) },
  run: null,
  last: null,
  conflicts: null,
  labels: {},
  error: null,
  interrupted: [],
}));

export const selectOptions = (s: CommitData) => s.options;
export const selectMode = (s: CommitData) => s.options.mode;
export const selectVersionAttributes = (s: CommitData) => s.options.versionAttributes;
export const selectRun = (s: CommitData) => s.run;
export const selectLast = (s: CommitData) => s.last;
export const selectConflicts = (s: CommitData) => s.conflicts;
export const selectLabels = (s: CommitData) => s.labels;
export const selectCommitError = (s: CommitData) => s.error;
export const selectInterrupted = (s: CommitData) => s.interrupted;
