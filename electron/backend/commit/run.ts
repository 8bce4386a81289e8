/**
 * One commit's scheduling: which request goes next, how many fly and how fast, what a response or
 * failure does to each operation (written, requeued after a backoff, split to isolate a
 * rejection, failed).
 */
import type { BatchWriteItemCommandOutput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  RequestBuilder,
  packLimits,
  type PackLimits,
  type SizedOp,
} from '../../../shared/plan/builder';
import { heldReason } from '../../../shared/plan/links';
import type { KeySchemas, PlanInput } from '../../../shared/plan/types';
import { backoffOptions } from '../../../shared/retry/backoff';
import { Backlog } from './backlog';
import { AdaptiveConcurrency } from './concurrency';
import { classifyFailure, type CallFailure } from './errors';
import type { Ledger } from './ledger';
import { RatePacer } from './pace';
import { SingleLane } from './singles';
import type { Start } from './start';
import type { CommitOptions, OpOutcome } from './types';
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

export class CommitRun {
  private readonly limits: PackLimits;
  private readonly conc: AdaptiveConcurrency;
  private readonly pacer: RatePacer | null;
  private readonly backlog: Backlog<OpState>;
  private readonly singles: SingleLane;
  private readonly maxRounds: number;
  /** The planned operations in plan order; `ends` are the planned requests' boundaries. */
  private readonly fresh: OpState[] = [];
  private readonly ends: number[] = [];
  private freshAt = 0;
  private endAt = 0;
  private readonly isolated: OpState[][] = [];
  /** Deletes waiting for their put, by the put's id; and those puts. */
  private readonly linked: Map<string, SizedOp[]>;
  private readonly linkPuts = new Map<string, PlanInput>();
  private paceTimer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private seq = 0;
  private aborted = false;
  private done: (() => void) | null = null;

  constructor(
    private readonly client: DynamoDBClient,
    start: Start,
    private readonly keySchemas: KeySchemas,
    private readonly opts: CommitOptions,
    private readonly ledger: Ledger,
  ) {
    this.limits = packLimits(opts.plan);
    this.conc = new AdaptiveConcurrency(
      opts.concurrency ?? 4,
      opts.minConcurrency ?? 1,
      opts.maxConcurrency ?? 8,
      opts.cleanResponsesToGrow,
    );
    this.pacer = opts.pace === false ? null : new RatePacer(opts.pace);
    const backoff = backoffOptions(opts.backoff);
    this.maxRounds = backoff.maxRounds;
    this.backlog = new Backlog(backoff, opts.random ?? Math.random, () => this.pump());
    for (const request of start.fresh) {
      for (const s of request) this.fresh.push({ s, rounds: 0, sends: 0, unknown: false });
      this.ends.push(this.fresh.length);
    }
    this.singles = new SingleLane(client, keySchemas, opts, ledger, this.pacer, () => this.pump());
    this.singles.add(start.singles);
    this.linked = start.linked;
    for (const o of this.fresh)
      if (this.linked.has(o.s.op.id)) this.linkPuts.set(o.s.op.id, o.s.op);
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
      for (const s of deletes) {
        if (s.op.guard === undefined)
          this.backlog.ready.push({ s, rounds: 0, sends: 0, unknown: false });
      }
    } else if (
      outcome.status === 'failed' ||
      outcome.status === 'held' ||
      outcome.status === 'conflict'
    ) {
      const reason = outcome.reason;
      this.ledger.held(
        deletes.map((s) => ({ id: s.op.id, reason: heldReason(put, s.op.table, reason) })),
      );
    } else {
      this.ledger.canceled(deletes.map((s) => s.op.id));
    }
  }

  run(): Promise<void> {
    return new Promise((resolve) => {
      this.done = resolve;
      const signal = this.opts.signal;
      if (signal?.aborted) this.abort();
      else signal?.addEventListener('abort', () => this.abort(), { once: true });
      this.pump();
    });
  }

  get finalConcurrency(): number {
    return this.conc.limit;
  }

  private live() {
    return {
      retrying: this.backlog.waiting + this.backlog.ready.length + this.singles.waiting,
      concurrency: this.conc.limit + (this.singles.used ? this.singles.conc.limit : 0),
      inFlight: this.inFlight + this.singles.inFlight,
    };
  }

  private abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    if (this.paceTimer) clearTimeout(this.paceTimer);
    this.paceTimer = null;
    const queued = [
      ...this.backlog.clear(),
      ...this.isolated.flat(),
      ...this.fresh.slice(this.freshAt),
    ];
    this.ledger.canceled([...queued.map((o) => o.s.op.id), ...this.singles.drain()]);
    this.isolated.length = 0;
    this.freshAt = this.fresh.length;
    this.pump();
  }

  private get queued(): boolean {
    return (
      this.backlog.ready.length > 0 || this.isolated.length > 0 || this.freshAt < this.fresh.length
    );
  }

  /**
   * The next request: an isolation group; else, when no retry is due and the plan is at one of
   * its boundaries, the next planned request as planned; else the operations due for a retry
   * first, topped up with planned ones, so that retries never travel in half-empty calls.
   */
  private next(): OpState[] | null {
    const isolated = this.isolated.shift();
    if (isolated) return isolated;
    while (this.endAt < this.ends.length && (this.ends[this.endAt] as number) <= this.freshAt) {
      this.endAt++;
    }
    const ready = this.backlog.ready;
    if (ready.length === 0) {
      if (this.freshAt >= this.fresh.length) return null;
      if (this.freshAt === (this.endAt === 0 ? 0 : this.ends[this.endAt - 1])) {
        const end = this.ends[this.endAt] as number;
        const ops = this.fresh.slice(this.freshAt, end);
        this.freshAt = end;
        return ops;
      }
    }
    const b = new RequestBuilder(this.limits);
    const taken: OpState[] = [];
    const left: OpState[] = [];
    for (const o of ready) {
      if (!b.full && b.add(o.s) === 'added') taken.push(o);
      else left.push(o);
    }
    this.backlog.ready = left;
    while (!b.full && this.freshAt < this.fresh.length) {
      const o = this.fresh[this.freshAt] as OpState;
      // Too big for what is left, or its key already here: it leads the next request instead.
      if (b.add(o.s) !== 'added') break;
      taken.push(o);
      this.freshAt++;
    }
    return taken;
  }

  private pump(): void {
    while (!this.aborted && this.inFlight < this.conc.limit && this.queued) {
      const wait = this.pacer?.delay(performance.now()) ?? 0;
      if (wait > 0) {
        this.paceTimer ??= setTimeout(() => {
          this.paceTimer = null;
          this.pump();
        }, wait);
        break;
      }
      const ops = this.next();
      if (!ops) break;
      this.send(ops);
    }
    if (!this.aborted) this.singles.fill(() => this.pump());
    this.ledger.progress(this.live());
    const idle = this.inFlight === 0 && this.backlog.waiting === 0 && this.singles.idle;
    if (idle && (this.aborted || !this.queued) && this.done) {
      if (this.paceTimer) clearTimeout(this.paceTimer);
      this.paceTimer = null;
      const done = this.done;
      this.done = null;
      done();
    }
  }

  private send(batch: OpState[]): void {
    const byTable = new Map<string, string[]>();
    const ops: OpState[] = [];
    for (const o of batch) {
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
        this.pump();
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
    else this.conc.onClean();
    if (back.length === 0) return;
    c.unprocessed += back.length;
    this.requeue(back, 'UnprocessedItems');
  }

  private onFailure(ops: OpState[], f: CallFailure, sentSeq: number, sentAt: number): void {
    const c = this.ledger.counters;
    if (f.kind !== 'reject') {
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
    } else if (this.aborted) {
      this.ledger.canceled(ops.map((o) => o.s.op.id));
    } else if (new Set(ops.map((o) => o.s.op.table)).size > 1) {
      const byTable = new Map<string, OpState[]>();
      for (const o of ops) byTable.set(o.s.op.table, [...(byTable.get(o.s.op.table) ?? []), o]);
      this.isolated.unshift(...byTable.values());
    } else if (f.tableWide) {
      this.ledger.failed(ops.map((o) => ({ id: o.s.op.id, reason: f.label })));
    } else {
      const half = Math.ceil(ops.length / 2);
      this.isolated.unshift(ops.slice(0, half), ops.slice(half));
    }
  }

  /** Puts operations back after a backoff of their own round, or fails those past the last. */
  private requeue(ops: OpState[], why: string): void {
    if (this.aborted) {
      this.ledger.canceled(ops.map((o) => o.s.op.id));
      return;
    }
    const { over, deepest } = this.backlog.requeue(ops);
    const max = this.maxRounds;
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
