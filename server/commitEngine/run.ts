/**
 * One commit's scheduling: the lanes (BatchWriteItem groups in batches.ts, guarded single-item
 * writes in singles.ts) share the pacer, the pressure that sets retry backoffs, the pauses and
 * the no-progress budget; a move's delete is released or held on its put's outcome; a stop
 * (cancel, no progress, call-wide pause) settles everything not yet sent.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { packLimits, type SizedOp } from '../../shared/plan/builder';
import { heldReason } from '../../shared/plan/links';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { backoffOptions } from '../../shared/retry/backoff';
import { Pressure } from './backlog';
import { BatchLane } from './batches';
import type { CallFailure } from './errors';
import type { Ledger } from './ledger';
import { RatePacer } from './pace';
import { Pauses } from './pause';
import { SingleLane } from './singles';
import type { Start } from './start';
import type { CommitOptions, OpOutcome } from './types';

type Stop = { kind: 'cancel' } | { kind: 'fail' | 'pause'; reason: string };

export class CommitRun {
  private readonly pacer: RatePacer | null;
  private readonly batches: BatchLane;
  private readonly singles: SingleLane;
  /** Deletes waiting for their put, by the put's id; and those puts. */
  private readonly linked: Map<string, SizedOp[]>;
  private readonly linkPuts = new Map<string, PlanInput>();
  private paceTimer: NodeJS.Timeout | null = null;
  private aborted = false;
  /** Why nothing more is sent: canceled, given up (no progress), or paused (credentials). */
  private stop: Stop = { kind: 'cancel' };
  private readonly pauses: Pauses;
  private readonly pressure = new Pressure();
  private lastWhy = '';
  private watchdog: NodeJS.Timeout | null = null;
  private done: (() => void) | null = null;

  constructor(
    client: DynamoDBClient,
    start: Start,
    keySchemas: KeySchemasByTable,
    private readonly opts: CommitOptions,
    private readonly ledger: Ledger,
  ) {
    this.pacer = opts.pace === false ? null : new RatePacer(opts.pace);
    // No fixed number of rounds unless asked for: the no-progress budget ends a hopeless commit.
    const backoff = {
      ...backoffOptions(opts.backoff),
      maxRounds: opts.backoff?.maxRounds ?? Infinity,
    };
    this.pauses = new Pauses(opts.credentialsHint);
    const hooks = {
      onReady: () => this.pump(),
      pressure: this.pressure,
      pauses: this.pauses,
      onCallWide: (
        f: Extract<CallFailure, { kind: 'callWide' }>,
        ids: string[],
        table: string | undefined,
      ) => this.onCallWide(f, ids, table),
    };
    this.batches = new BatchLane(
      client,
      keySchemas,
      opts,
      packLimits(opts.plan),
      backoff,
      ledger,
      this.pacer,
      {
        ...hooks,
        stopped: () => this.aborted,
        settleStopped: (ids) => this.settleStopped(ids),
        onWhy: (label) => (this.lastWhy = label),
      },
      start.fresh,
    );
    this.singles = new SingleLane(
      client,
      keySchemas,
      { ...opts, backoff },
      ledger,
      this.pacer,
      hooks,
    );
    this.singles.add(start.singles);
    this.linked = start.linked;
    for (const s of this.batches.planned)
      if (this.linked.has(s.op.id)) this.linkPuts.set(s.op.id, s.op);
    for (const s of start.singles) if (this.linked.has(s.op.id)) this.linkPuts.set(s.op.id, s.op);
    ledger.onSettle = (id, outcome) => this.settled(id, outcome);
  }

  /** A put's outcome decides its linked deletes: sent next when it was written, held otherwise. */
  private settled(id: string, outcome: OpOutcome): void {
    const deletes = this.linked.get(id);
    if (!deletes) return;
    this.linked.delete(id);
    const put = this.linkPuts.get(id) as PlanInput;
    if (outcome.status === 'written' && !this.aborted) {
      this.singles.add(deletes.filter((s) => s.op.guard !== undefined));
      this.batches.addReady(deletes.filter((s) => s.op.guard === undefined));
    } else if (
      outcome.status === 'failed' ||
      outcome.status === 'held' ||
      outcome.status === 'conflict' ||
      outcome.status === 'paused'
    ) {
      const reason = outcome.reason;
      this.ledger.held(
        deletes.map((s) => ({ id: s.op.id, reason: heldReason(put, s.op.table, reason) })),
      );
    } else {
      this.settleStopped(deletes.map((s) => s.op.id));
    }
  }

  run(): Promise<void> {
    return new Promise((resolve) => {
      this.done = resolve;
      const signal = this.opts.signal;
      if (signal?.aborted) this.abort();
      else signal?.addEventListener('abort', () => this.abort(), { once: true });
      const budget = this.opts.noProgressTimeoutMs ?? 60_000;
      this.watchdog = setInterval(
        () => {
          if (performance.now() - this.ledger.lastWrittenAt < budget || this.aborted) return;
          const s = Math.round(budget / 1000);
          const last = this.lastWhy ? ` (last: ${this.lastWhy})` : '';
          this.halt({ kind: 'fail', reason: `nothing was written for ${s} s${last}` });
        },
        Math.min(1000, Math.max(10, budget / 4)),
      );
      this.pump();
    });
  }

  get finalConcurrency(): number {
    return this.batches.conc.limit;
  }

  private live() {
    return {
      retrying: this.batches.waiting + this.singles.waiting,
      concurrency:
        (this.batches.used || !this.singles.used ? this.batches.conc.limit : 0) +
        (this.singles.used ? this.singles.conc.limit : 0),
      inFlight: this.batches.inFlight + this.singles.inFlight,
    };
  }

  private abort(): void {
    this.halt({ kind: 'cancel' });
  }

  /** Settles operations that will not be sent, as the stop says. */
  private settleStopped(ids: string[]): void {
    const stop = this.stop;
    if (stop.kind === 'cancel') this.ledger.canceled(ids);
    else if (stop.kind === 'fail')
      this.ledger.failed(ids.map((id) => ({ id, reason: stop.reason })));
    else this.ledger.paused(ids, stop.reason);
  }

  /** Stops sending: everything queued is settled as `stop` says; in-flight calls finish. */
  private halt(stop: Stop): void {
    if (this.aborted) return;
    this.aborted = true;
    this.stop = stop;
    if (this.paceTimer) clearTimeout(this.paceTimer);
    this.paceTimer = null;
    this.settleStopped([...this.batches.drain(), ...this.singles.drain()]);
    this.pump();
  }

  private pump(): void {
    if (!this.aborted) {
      const wait = this.batches.fill();
      if (wait > 0) {
        this.paceTimer ??= setTimeout(() => {
          this.paceTimer = null;
          this.pump();
        }, wait);
      }
      if (!this.aborted) this.singles.fill(() => this.pump());
    }
    this.ledger.progress(this.live());
    const b = this.batches;
    const idle = b.inFlight === 0 && b.backingOff === 0 && this.singles.idle;
    if (idle && (this.aborted || !b.queued) && this.done) {
      if (this.paceTimer) clearTimeout(this.paceTimer);
      this.paceTimer = null;
      if (this.watchdog) clearInterval(this.watchdog);
      this.watchdog = null;
      const done = this.done;
      this.done = null;
      done();
    }
  }

  /** A call-wide error: pauses the table (or, for credentials, the whole commit). */
  private onCallWide(
    f: Extract<CallFailure, { kind: 'callWide' }>,
    ids: string[],
    table: string | undefined,
  ): void {
    const reason = this.pauses.pause(f, table);
    this.ledger.paused(ids, reason);
    if (this.pauses.all !== null) this.halt({ kind: 'pause', reason });
  }
}
