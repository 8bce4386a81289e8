/**
 * The lane of guarded writes: conditional single-item calls, many in flight (throughput comes from
 * concurrency at 10-100 ms latency), each retried alone on throttling or an unknown outcome, and
 * settled as written, conflict (a failed condition: never retried) or failed.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SizedOp } from '../../shared/plan/builder';
import { alreadyApplied, guardedCall } from '../../shared/plan/guarded';
import type { KeySchemasByTable } from '../../shared/plan/types';
import { backoffOptions } from '../../shared/retry/backoff';
import { Backlog, type Pressure } from './backlog';
import type { Pauses } from './pause';
import { AdaptiveConcurrency } from './concurrency';
import { classifyFailure, type CallFailure } from './errors';
import type { Ledger } from './ledger';
import type { RatePacer } from './pace';
import { sendGuarded } from './single';
import type { CommitOptions } from './types';

export interface LaneHooks {
  onReady: () => void;
  /** The commit's pressure, shared with the batch lane: it sets the backoff of retries. */
  pressure: Pressure;
  pauses: Pauses;
  onCallWide: (
    f: Extract<CallFailure, { kind: 'callWide' }>,
    ids: string[],
    table: string | undefined,
  ) => void;
}

interface SingleOp {
  s: SizedOp;
  rounds: number;
  sends: number;
  unknown: boolean;
  /** An earlier send's outcome was unknown: it may have been applied (sticky across retries). */
  maybeApplied?: boolean;
}

export class SingleLane {
  private queue: SingleOp[] = [];
  private at = 0;
  private readonly backlog: Backlog<SingleOp>;
  readonly conc: AdaptiveConcurrency;
  private readonly maxRounds: number;
  inFlight = 0;
  private seq = 0;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly keySchemas: KeySchemasByTable,
    private readonly opts: CommitOptions,
    private readonly ledger: Ledger,
    private readonly pacer: RatePacer | null,
    private readonly hooks: LaneHooks,
  ) {
    const backoff = {
      ...backoffOptions(opts.backoff),
      maxRounds: opts.backoff?.maxRounds ?? Infinity,
    };
    this.maxRounds = backoff.maxRounds;
    const level = () => hooks.pressure.level;
    this.backlog = new Backlog(backoff, opts.random ?? Math.random, hooks.onReady, level);
    this.conc = new AdaptiveConcurrency({
      initial: opts.singleConcurrency ?? 16,
      min: 1,
      max: opts.maxSingleConcurrency ?? 128,
      ...(opts.latencyRise !== undefined ? { latencyRise: opts.latencyRise } : {}),
    });
  }

  /** Whether any operation took this lane (its concurrency counts only then). */
  used = false;

  add(ops: readonly SizedOp[]): void {
    if (ops.length > 0) this.used = true;
    for (const s of ops) this.queue.push({ s, rounds: 0, sends: 0, unknown: false });
  }

  /** Operations not yet settled and not in flight. */
  get queued(): boolean {
    return this.at < this.queue.length || this.backlog.ready.length > 0;
  }

  get waiting(): number {
    return this.backlog.waiting + this.backlog.ready.length;
  }

  get idle(): boolean {
    return this.inFlight === 0 && this.backlog.waiting === 0 && !this.queued;
  }

  /** Everything not yet sent, for a cancel. */
  drain(): string[] {
    const rest = [...this.backlog.clear(), ...this.queue.slice(this.at)];
    this.queue = [];
    this.at = 0;
    return rest.map((o) => o.s.op.id);
  }

  private next(): SingleOp | undefined {
    const retry = this.backlog.ready.shift();
    if (retry) return retry;
    const o = this.queue[this.at++];
    if (this.at > 4096 && this.at * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.at);
      this.at = 0;
    }
    return o;
  }

  /** Sends while the lane has room; false when the pacer asks to wait. */
  fill(after: () => void): void {
    while (this.inFlight < this.conc.limit && this.queued) {
      const o = this.next();
      if (!o) break;
      this.send(o, after);
    }
  }

  private send(o: SingleOp, after: () => void): void {
    const op = o.s.op;
    const paused = this.hooks.pauses.any ? this.hooks.pauses.reasonFor(op.table) : null;
    if (paused !== null) {
      this.ledger.paused([op.id], paused);
      return;
    }
    const schema = this.keySchemas[op.table];
    const call = schema ? guardedCall(op, schema) : null;
    if (!call) {
      this.ledger.failed([{ id: op.id, reason: `no guarded call for table "${op.table}"` }]);
      return;
    }
    const c = this.ledger.counters;
    const sentSeq = ++this.seq;
    this.inFlight++;
    const sentAt = performance.now();
    this.pacer?.spend(1, performance.now());
    c.requests++;
    c.opsSent++;
    o.sends++;
    if (o.unknown || this.opts.resending === true) o.maybeApplied = true;
    this.ledger.sent(op.id, o.sends, o.unknown || this.opts.resending === true);
    o.unknown = false;
    sendGuarded(this.client, call)
      .then(
        (r) => {
          c.consumedCapacity += r.capacity;
          // A conflict's round trip includes the read of the server's image: not a sample.
          this.conc.onClean(r.kind === 'written' ? performance.now() - sentAt : undefined);
          this.hooks.pressure.ease();
          // A resend whose first send may have been applied fails its condition on its own write.
          if (r.kind === 'written' || (o.maybeApplied && alreadyApplied(op, r.server))) {
            this.ledger.written([op.id]);
          } else this.ledger.conflict(op.id, r.server);
        },
        (err: unknown) => {
          const f = classifyFailure(err);
          if (f.kind === 'callWide') {
            c.rejectedCalls++;
            this.hooks.onCallWide(f, [op.id], f.table ?? op.table);
            return;
          }
          if (f.kind === 'reject') {
            c.rejectedCalls++;
            this.ledger.failed([{ id: op.id, reason: f.label }]);
            return;
          }
          if (f.kind === 'throttle') c.throttledCalls++;
          else if (f.kind === 'server') c.serverErrors++;
          else c.networkErrors++;
          if (f.kind !== 'throttle') o.unknown = true;
          if (f.kind !== 'network') {
            this.conc.onPressure(sentSeq, this.seq);
            this.hooks.pressure.push();
          }
          const { over, deepest } = this.backlog.requeue([o]);
          c.rounds = Math.max(c.rounds, deepest);
          this.ledger.failed(
            over.map((x) => ({
              id: x.s.op.id,
              reason: `still not written after ${this.maxRounds} rounds (last: ${f.label})`,
            })),
          );
        },
      )
      .catch((err: unknown) => {
        if (!this.ledger.outcomes.has(op.id)) {
          this.ledger.failed([{ id: op.id, reason: `internal error: ${String(err)}` }]);
        }
      })
      .finally(() => {
        this.inFlight--;
        after();
      });
  }
}
