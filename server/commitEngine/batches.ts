/**
 * The lane of BatchWriteItem calls: the planned requests in plan order, retries topped up with
 * planned operations, rejected calls split to isolate the bad operation, unprocessed and throttled
 * operations requeued with backoff. The run (run.ts) decides when it may send.
 */
import type { BatchWriteItemCommandOutput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { PackLimits, SizedOp } from '../../shared/plan/builder';
import type { KeySchemasByTable } from '../../shared/plan/types';
import type { BackoffOptions } from '../../shared/retry/backoff';
import { Backlog } from './backlog';
import { BatchQueue } from './batchQueue';
import { AdaptiveConcurrency } from './concurrency';
import { classifyFailure, type CallFailure } from './errors';
import type { Ledger } from './ledger';
import type { RatePacer } from './pace';
import type { LaneHooks } from './singles';
import type { CommitOptions } from './types';
import {
  batchWriteBody,
  preserializedBatchWrite,
  unprocessedKeyIds,
  writeRequestJson,
} from './wire';

interface OpState {
  s: SizedOp;
  rounds: number;
  sends: number;
  /** A call carrying it ended without a known outcome: the next send is a resend. */
  unknown: boolean;
  /** Its WriteRequest as JSON text, written on first send. */
  json?: string;
}

export interface BatchHooks extends LaneHooks {
  /** Whether the run stopped sending (canceled, given up, paused). */
  stopped: () => boolean;
  /** Settles operations that will not be sent, as the run's stop says. */
  settleStopped: (ids: string[]) => void;
  /** The last failure's label, for the no-progress message. */
  onWhy: (label: string) => void;
}

const byTableOf = (ops: OpState[]) => {
  const byTable = new Map<string, OpState[]>();
  for (const o of ops) byTable.set(o.s.op.table, [...(byTable.get(o.s.op.table) ?? []), o]);
  return byTable;
};

export class BatchLane {
  readonly conc: AdaptiveConcurrency;
  private readonly backlog: Backlog<OpState>;
  private readonly queue: BatchQueue<OpState>;
  inFlight = 0;
  private seq = 0;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly keySchemas: KeySchemasByTable,
    private readonly opts: CommitOptions,
    private readonly limits: PackLimits,
    backoff: BackoffOptions,
    private readonly ledger: Ledger,
    private readonly pacer: RatePacer | null,
    private readonly hooks: BatchHooks,
    requests: readonly (readonly SizedOp[])[],
  ) {
    this.conc = new AdaptiveConcurrency({
      initial: opts.concurrency ?? 4,
      min: opts.minConcurrency ?? 1,
      max: opts.maxConcurrency ?? 32,
      ...(opts.cleanResponsesToGrow !== undefined
        ? { cleanToGrow: opts.cleanResponsesToGrow }
        : {}),
      ...(opts.latencyRise !== undefined ? { latencyRise: opts.latencyRise } : {}),
    });
    const level = () => hooks.pressure.level;
    this.backlog = new Backlog(backoff, opts.random ?? Math.random, hooks.onReady, level);
    const state = (s: SizedOp): OpState => ({ s, rounds: 0, sends: 0, unknown: false });
    this.queue = new BatchQueue(
      limits,
      this.backlog,
      requests.map((r) => r.map(state)),
    );
  }

  /** The planned operations, in plan order. */
  get planned(): SizedOp[] {
    return this.queue.planned.map((o) => o.s);
  }

  /** Whether any operation took this lane (its concurrency counts only then). */
  get used(): boolean {
    return this.queue.planned.length > 0 || this.released;
  }

  private released = false;

  /** Operations ready to ride in the next request (a move's delete released by its put). */
  addReady(ops: readonly SizedOp[]): void {
    if (ops.length > 0) this.released = true;
    for (const s of ops) this.backlog.ready.push({ s, rounds: 0, sends: 0, unknown: false });
  }

  get queued(): boolean {
    return this.queue.queued;
  }

  /** Operations waiting out a backoff (not yet ready). */
  get backingOff(): number {
    return this.backlog.waiting;
  }

  get waiting(): number {
    return this.backlog.waiting + this.backlog.ready.length;
  }

  /** Everything not yet sent, for a stop. */
  drain(): string[] {
    return this.queue.drain().map((o) => o.s.op.id);
  }

  /**
   * Sends while the concurrency allows and work is queued. Returns how long the pacer asks to
   * wait before the next request (0: nothing held back by it).
   */
  fill(): number {
    while (this.inFlight < this.conc.limit && this.queued) {
      const wait = this.pacer?.delay(performance.now()) ?? 0;
      if (wait > 0) return wait;
      const ops = this.queue.next();
      if (!ops) break;
      this.send(ops);
    }
    return 0;
  }

  private send(batch: OpState[]): void {
    const byTable = new Map<string, string[]>();
    const ops: OpState[] = [];
    const pauses = this.hooks.pauses;
    for (const o of batch) {
      const paused = pauses.any ? pauses.reasonFor(o.s.op.table) : null;
      if (paused !== null) {
        this.ledger.paused([o.s.op.id], paused);
        continue;
      }
      try {
        const json = (o.json ??= writeRequestJson(o.s.op));
        const list = byTable.get(o.s.op.table);
        if (list) list.push(json);
        else byTable.set(o.s.op.table, [json]);
        ops.push(o);
      } catch (err) {
        this.ledger.failed([{ id: o.s.op.id, reason: `cannot encode: ${String(err)}` }]);
      }
    }
    if (ops.length === 0) return;
    const sentSeq = ++this.seq;
    this.inFlight++;
    const sentAt = performance.now();
    this.pacer?.spend(ops.length, sentAt);
    this.ledger.counters.requests++;
    this.ledger.counters.opsSent += ops.length;
    for (const o of ops) {
      o.sends++;
      this.ledger.sent(o.s.op.id, o.sends, o.unknown || this.opts.resending === true);
      o.unknown = false;
    }
    this.client
      .send(preserializedBatchWrite(batchWriteBody(byTable), byTable.keys()))
      .then(
        (out) => this.onResponse(ops, out, sentSeq, sentAt),
        (err: unknown) => this.onFailure(ops, classifyFailure(err), sentSeq, sentAt),
      )
      .catch((err: unknown) => {
        // A bug in our own handling must not strand operations: report them, keep going.
        const open = ops.filter((o) => !this.ledger.outcomes.has(o.s.op.id));
        this.ledger.failed(
          open.map((o) => ({ id: o.s.op.id, reason: `internal error: ${String(err)}` })),
        );
      })
      .finally(() => {
        this.inFlight--;
        this.hooks.onReady();
      });
  }

  private onResponse(
    ops: OpState[],
    out: BatchWriteItemCommandOutput,
    sentSeq: number,
    sentAt: number,
  ): void {
    const c = this.ledger.counters;
    for (const cc of out.ConsumedCapacity ?? []) c.consumedCapacity += cc.CapacityUnits ?? 0;
    const unprocessed = out.UnprocessedItems ?? {};
    let back: OpState[] = [];
    if (Object.keys(unprocessed).length === 0) {
      this.ledger.written(ops.map((o) => o.s.op.id));
    } else {
      const ids = new Set(unprocessedKeyIds(unprocessed, this.keySchemas));
      back = ops.filter((o) => ids.has(o.s.keyId));
      this.ledger.written(ops.filter((o) => !ids.has(o.s.keyId)).map((o) => o.s.op.id));
    }
    // A few items back says little about load (a hot key, bad luck); most of the call back does.
    const pressure =
      back.length > 0 && back.length / ops.length >= (this.opts.pressureFraction ?? 0.5);
    const now = performance.now();
    const accepted = ops.length - back.length;
    const rttMs = now - sentAt;
    this.pacer?.onResponse({ sent: ops.length, accepted, rttMs }, sentSeq, this.seq, now);
    if (pressure) this.conc.onPressure(sentSeq, this.seq);
    else this.conc.onClean(rttMs, back.length === 0);
    if (pressure) this.hooks.pressure.push();
    else this.hooks.pressure.ease();
    if (back.length === 0) return;
    c.unprocessed += back.length;
    this.requeue(back, 'UnprocessedItems');
  }

  private onFailure(ops: OpState[], f: CallFailure, sentSeq: number, sentAt: number): void {
    const c = this.ledger.counters;
    this.hooks.onWhy(f.label);
    if (f.kind === 'callWide') {
      c.rejectedCalls++;
      const tables = new Set(ops.map((o) => o.s.op.table));
      const only = tables.size === 1 ? [...tables][0] : undefined;
      const table = f.table ?? only;
      if (f.scope === 'table' && table === undefined) {
        // Which of the call's tables is refused? One call per table tells, without bisecting.
        this.queue.isolate(...byTableOf(ops).values());
        return;
      }
      const hit = f.scope === 'table' ? ops.filter((o) => o.s.op.table === table) : ops;
      this.hooks.onCallWide(
        f,
        hit.map((o) => o.s.op.id),
        table,
      );
      const rest = ops.filter((o) => !hit.includes(o));
      if (rest.length > 0) this.queue.isolate(rest);
      return;
    }
    if (f.kind !== 'reject') {
      if (f.kind === 'throttle' || f.kind === 'server') this.hooks.pressure.push();
      if (f.kind === 'throttle') c.throttledCalls++;
      else if (f.kind === 'server') c.serverErrors++;
      else c.networkErrors++;
      // A 5xx or a lost connection may have written the call: any resend is reported as such.
      if (f.kind !== 'throttle') for (const o of ops) o.unknown = true;
      // Throttling is the server saying how much it takes (nothing, this time): pace on it.
      if (f.kind === 'throttle') {
        const now = performance.now();
        const r = { sent: ops.length, accepted: 0, rttMs: now - sentAt };
        this.pacer?.onResponse(r, sentSeq, this.seq, now);
      }
      if (f.kind !== 'network') this.conc.onPressure(sentSeq, this.seq);
      this.requeue(ops, f.label);
      return;
    }
    c.rejectedCalls++;
    const first = ops[0];
    if (ops.length === 1 && first) {
      this.ledger.failed([{ id: first.s.op.id, reason: f.label }]);
    } else if (this.hooks.stopped()) {
      this.hooks.settleStopped(ops.map((o) => o.s.op.id));
    } else if (new Set(ops.map((o) => o.s.op.table)).size > 1) {
      this.queue.isolate(...byTableOf(ops).values());
    } else if (f.tableWide) {
      this.ledger.failed(ops.map((o) => ({ id: o.s.op.id, reason: f.label })));
    } else {
      const half = Math.ceil(ops.length / 2);
      this.queue.isolate(ops.slice(0, half), ops.slice(half));
    }
  }

  /** Puts operations back after a backoff (see Pressure), or fails those past a round limit. */
  private requeue(ops: OpState[], why: string): void {
    if (this.hooks.stopped()) {
      this.hooks.settleStopped(ops.map((o) => o.s.op.id));
      return;
    }
    const { over, deepest } = this.backlog.requeue(ops);
    const max = this.opts.backoff?.maxRounds ?? Infinity;
    this.ledger.failed(
      over.map((o) => ({
        id: o.s.op.id,
        reason: `still unprocessed after ${max} rounds (last: ${why})`,
      })),
    );
    const c = this.ledger.counters;
    c.rounds = Math.max(c.rounds, deepest);
  }
}
