/** Bookkeeping of a commit: outcomes, counters, journal lines and throttled progress. */
import type { Item } from '../../shared/dynamo/types';
import type { JournalWriter } from './journal';
import type {
  CommitCallbacks,
  CommitCounters,
  CommitProgress,
  CommitReport,
  OpOutcome,
} from './types';

export interface LiveState {
  retrying: number;
  concurrency: number;
  inFlight: number;
}

export class Ledger {
  readonly outcomes = new Map<string, OpOutcome>();
  readonly resent = new Set<string>();
  readonly retried = new Set<string>();
  readonly counters: CommitCounters;
  private readonly started = performance.now();
  private lastProgress = -Infinity;
  /** Told of every outcome as it is settled (the run releases or holds linked deletes). */
  onSettle: ((id: string, outcome: OpOutcome) => void) | null = null;

  constructor(
    total: number,
    private readonly callbacks: CommitCallbacks,
    private readonly journal: JournalWriter | null,
    private readonly progressIntervalMs: number,
  ) {
    this.counters = {
      total,
      written: 0,
      failed: 0,
      held: 0,
      conflicts: 0,
      paused: 0,
      canceled: 0,
      superseded: 0,
      requests: 0,
      opsSent: 0,
      rounds: 0,
      retriedOps: 0,
      unprocessed: 0,
      throttledCalls: 0,
      serverErrors: 0,
      networkErrors: 0,
      rejectedCalls: 0,
      consumedCapacity: 0,
      seconds: 0,
      itemsPerSecond: 0,
      finalConcurrency: 0,
    };
  }

  private settle(id: string, outcome: OpOutcome): void {
    this.outcomes.set(id, outcome);
    this.callbacks.onOutcome?.(id, outcome);
    this.onSettle?.(id, outcome);
  }

  written(ids: string[]): void {
    if (ids.length === 0) return;
    for (const id of ids) this.settle(id, { status: 'written' });
    this.lastWrittenAt = performance.now();
    this.counters.written += ids.length;
    this.journal?.append({ written: ids });
  }

  failed(list: { id: string; reason: string }[]): void {
    if (list.length === 0) return;
    for (const f of list) this.settle(f.id, { status: 'failed', reason: f.reason });
    this.counters.failed += list.length;
    this.journal?.append({ failed: list });
  }

  held(list: { id: string; reason: string }[]): void {
    if (list.length === 0) return;
    for (const h of list) this.settle(h.id, { status: 'held', reason: h.reason });
    this.counters.held += list.length;
    this.journal?.append({ held: list });
  }

  conflict(id: string, server: Item | null): void {
    const reason = server
      ? 'Conflict: the item changed on the server since it was loaded'
      : 'Conflict: the item is not on the server any more';
    this.settle(id, { status: 'conflict', reason, server });
    this.counters.conflicts++;
    this.journal?.append({ conflicts: [id] });
  }

  /** Not written, not failed: left for a resume (nothing in the journal: they stay pending). */
  paused(ids: string[], reason: string): void {
    for (const id of ids) this.settle(id, { status: 'paused', reason });
    this.counters.paused += ids.length;
  }

  /** When an operation last settled as written (progress, for the no-progress budget). */
  lastWrittenAt = performance.now();

  canceled(ids: string[]): void {
    for (const id of ids) this.settle(id, { status: 'canceled' });
    this.counters.canceled += ids.length;
  }

  superseded(list: { id: string; by: string }[]): void {
    for (const s of list) this.settle(s.id, { status: 'superseded', by: s.by });
    this.counters.superseded += list.length;
  }

  sent(id: string, sends: number, resent: boolean): void {
    if (sends > 1) this.retried.add(id);
    if (resent) this.resent.add(id);
  }

  private elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Calls onProgress at most every `progressIntervalMs`, or now when `force`. */
  progress(live: LiveState, force = false): void {
    if (!this.callbacks.onProgress) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < this.progressIntervalMs) return;
    this.lastProgress = now;
    const c = this.counters;
    const seconds = this.elapsed();
    const p: CommitProgress = {
      total: c.total,
      done: c.written,
      failed: c.failed,
      retrying: live.retrying,
      canceled: c.canceled,
      requests: c.requests,
      rounds: c.rounds,
      consumedCapacity: c.consumedCapacity,
      itemsPerSecond: seconds > 0 ? c.written / seconds : 0,
      concurrency: live.concurrency,
      inFlight: live.inFlight,
    };
    this.callbacks.onProgress(p);
  }

  report(finalConcurrency: number, order: string[], journalError?: string): CommitReport {
    const c = this.counters;
    c.seconds = this.elapsed();
    c.itemsPerSecond = c.seconds > 0 ? c.written / c.seconds : 0;
    c.retriedOps = this.retried.size;
    c.finalConcurrency = finalConcurrency;
    const report: CommitReport = {
      outcomes: {},
      written: [],
      failed: [],
      held: [],
      conflicts: [],
      paused: [],
      canceled: [],
      superseded: [],
      resent: order.filter((id) => this.resent.has(id)),
      counters: { ...c },
    };
    for (const id of order) {
      const o = this.outcomes.get(id) ?? { status: 'canceled' };
      report.outcomes[id] = o;
      if (o.status === 'written') report.written.push(id);
      else if (o.status === 'failed') report.failed.push({ id, reason: o.reason });
      else if (o.status === 'held') report.held.push({ id, reason: o.reason });
      else if (o.status === 'conflict') report.conflicts.push({ id, server: o.server });
      else if (o.status === 'paused') report.paused.push({ id, reason: o.reason });
      else if (o.status === 'canceled') report.canceled.push(id);
      else report.superseded.push({ id, by: o.by });
    }
    if (journalError) report.journalError = journalError;
    return report;
  }
}
