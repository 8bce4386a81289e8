/** The commit executor's options, callbacks and report. */
import type { BackoffOptions } from '../../shared/retry/backoff';
import type { PaceOptions } from './pace';
import type { PlanOptions } from '../../shared/plan/types';
import type { Item } from '../../shared/dynamo/types';

export interface CommitOptions {
  /**
   * BatchWriteItem calls in flight at the start (default 4); adapts between min and max (default
   * 32): doubling per round trip until the first sign of load, then +1 per round trip while the
   * server accepts and the round trip does not rise; halved on pushback (see concurrency.ts).
   */
  concurrency?: number;
  minConcurrency?: number;
  maxConcurrency?: number;
  /** Clean responses in a row before one more request may fly (default: the current limit, ≥ 2). */
  cleanResponsesToGrow?: number;
  /** Guarded (single-item) calls in flight at the start (default 16); adapts up to the max (128). */
  singleConcurrency?: number;
  maxSingleConcurrency?: number;
  /** Smoothed round trip over the least one seen above which no more calls are added (default 3). */
  latencyRise?: number;
  /**
   * Share of a call's operations coming back unprocessed that counts as pressure and halves the
   * concurrency (default 0.5). Below it the call counts as clean; its unprocessed operations are
   * still retried with backoff. 0 makes any unprocessed item pressure.
   */
  pressureFraction?: number;
  /**
   * Pacing from the rate the server accepts, engaged when the share of items handed back
   * (UnprocessedItems, throttled calls) clearly rises above its usual level (see `RatePacer`);
   * false turns it off, leaving the concurrency alone to react.
   */
  pace?: Partial<PaceOptions> | false;
  /** Backoff between retry rounds; `maxRounds` retries per operation, then it fails. */
  backoff?: Partial<BackoffOptions>;
  /**
   * The commit fails what is left only when nothing at all was written for this long (default
   * 60 s): there is no fixed number of rounds (unless `backoff.maxRounds` is given).
   */
  noProgressTimeoutMs?: number;
  /** What to tell the user to do when the credentials fail (e.g. "run aws sso login --profile X"). */
  credentialsHint?: string;
  /** Random source for jitter, [0, 1). */
  random?: () => number;
  /** Cancels: nothing new is sent, in-flight calls finish, the rest is reported canceled. */
  signal?: AbortSignal;
  /** Durable journal: the plan before the first request, then each response's outcome. */
  journal?: {
    path: string;
    resume?: boolean;
    /** written into the header and its hash */ connectionId?: string;
  };
  /** Every operation may have been sent before (a resume): report each one sent as resent. */
  resending?: boolean;
  /** Packing limits, as for the planner. */
  plan?: PlanOptions;
  /** Minimum interval between progress callbacks (default 100 ms). */
  progressIntervalMs?: number;
}

export type OpOutcome =
  | { status: 'written' }
  | { status: 'failed'; reason: string }
  /** Not sent: the put it waits for (a move's copy) was not written. It stays staged. */
  | { status: 'held'; reason: string }
  /** A guarded write whose condition failed: the item changed on the server. Never retried. */
  | { status: 'conflict'; reason: string; server: Item | null }
  /** Not sent: a call-wide error (access, credentials, missing table). Resume goes on. */
  | { status: 'paused'; reason: string }
  | { status: 'canceled' }
  | { status: 'superseded'; by: string };

export interface CommitProgress {
  total: number;
  done: number;
  failed: number;
  /** Operations waiting out a backoff or queued for another round. */
  retrying: number;
  canceled: number;
  /** BatchWriteItem calls sent so far. */
  requests: number;
  /** The deepest retry round any operation reached. */
  rounds: number;
  consumedCapacity: number;
  itemsPerSecond: number;
  concurrency: number;
  inFlight: number;
}

export interface CommitCallbacks {
  onProgress?: (p: CommitProgress) => void;
  /** Each operation's final outcome, as soon as it is known. */
  onOutcome?: (id: string, outcome: OpOutcome) => void;
}

export interface CommitCounters {
  total: number;
  written: number;
  failed: number;
  held: number;
  conflicts: number;
  paused: number;
  canceled: number;
  superseded: number;
  requests: number;
  /** Operations carried by those calls, resends included. */
  opsSent: number;
  rounds: number;
  /** Operations sent more than once, for any reason. */
  retriedOps: number;
  /** Operations returned in UnprocessedItems, counted per return. */
  unprocessed: number;
  throttledCalls: number;
  serverErrors: number;
  networkErrors: number;
  /** Calls rejected as a whole (validation and the like), which were then split. */
  rejectedCalls: number;
  consumedCapacity: number;
  seconds: number;
  itemsPerSecond: number;
  finalConcurrency: number;
}

export interface CommitReport {
  /** Every input operation id -> its outcome. */
  outcomes: Record<string, OpOutcome>;
  written: string[];
  failed: { id: string; reason: string }[];
  held: { id: string; reason: string }[];
  /** Guarded writes refused by their condition, with the server's image (null: no item). */
  conflicts: { id: string; server: Item | null }[];
  paused: { id: string; reason: string }[];
  canceled: string[];
  superseded: { id: string; by: string }[];
  /** Operations sent again after an unknown outcome (dropped connection, 5xx, resume). */
  resent: string[];
  counters: CommitCounters;
  /** Set when the journal could not be written: the commit went on, but cannot be resumed. */
  journalError?: string;
}
