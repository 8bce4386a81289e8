/**
 * One commit's scheduling: which request goes next, how many fly, what a response or failure does
 * to each operation (written, requeued after a backoff, split to isolate a rejection, failed).
 */
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import {
  RequestBuilder,
  packLimits,
  type PackLimits,
  type SizedOp,
} from '../../../shared/plan/builder';
import type { KeySchemas } from '../../../shared/plan/types';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../../shared/retry/backoff';
import { AdaptiveConcurrency } from './concurrency';
import { classifyFailure, type CallFailure } from './errors';
import type { Ledger } from './ledger';
import type { Start } from './start';
import type { CommitOptions } from './types';
import { toSdkWriteRequest, unprocessedKeyIds } from './wire';

interface OpState {
  s: SizedOp;
  rounds: number;
  sends: number;
  /** A call carrying it ended without a known outcome: the next send is a resend. */
  unknown: boolean;
  sdk?: WriteRequest;
}

export class CommitRun {
  private readonly limits: PackLimits;
  private readonly backoff: BackoffOptions;
  private readonly conc: AdaptiveConcurrency;
  private readonly random: () => number;
  private readonly fresh: OpState[][];
  private freshAt = 0;
  private retryReady: OpState[] = [];
  private readonly isolated: OpState[][] = [];
  private readonly timers = new Map<NodeJS.Timeout, OpState[]>();
  private waiting = 0;
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
    this.backoff = backoffOptions(opts.backoff);
    this.random = opts.random ?? Math.random;
    const max = opts.maxConcurrency ?? 8;
    this.conc = new AdaptiveConcurrency(
      opts.concurrency ?? 4,
      opts.minConcurrency ?? 1,
      max,
      opts.cleanResponsesToGrow,
    );
    this.fresh = start.fresh.map((r) => r.map((s) => ({ s, rounds: 0, sends: 0, unknown: false })));
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
      retrying: this.waiting + this.retryReady.length,
      concurrency: this.conc.limit,
      inFlight: this.inFlight,
    };
  }

  private abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const [t, ops] of this.timers) {
      clearTimeout(t);
      this.ledger.canceled(ops.map((o) => o.s.op.id));
    }
    this.timers.clear();
    this.waiting = 0;
    const queued = [
      ...this.retryReady,
      ...this.isolated.flat(),
      ...this.fresh.slice(this.freshAt).flat(),
    ];
    this.ledger.canceled(queued.map((o) => o.s.op.id));
    this.retryReady = [];
    this.isolated.length = 0;
    this.freshAt = this.fresh.length;
    this.pump();
  }

  /** The next request to send: isolation groups first, full retry requests, then the plan. */
  private next(): OpState[] | null {
    const isolated = this.isolated.shift();
    if (isolated) return isolated;
    const freshLeft = this.freshAt < this.fresh.length;
    if (
      this.retryReady.length > 0 &&
      (!freshLeft || this.retryReady.length >= this.limits.maxOps)
    ) {
      const b = new RequestBuilder(this.limits);
      const taken = new Set<OpState>();
      for (const o of this.retryReady) {
        const r = b.add(o.s);
        if (r === 'added') taken.add(o);
        else if (r === 'full') break;
      }
      this.retryReady = this.retryReady.filter((o) => !taken.has(o));
      return [...taken];
    }
    return freshLeft ? (this.fresh[this.freshAt++] ?? null) : null;
  }

  private pump(): void {
    while (!this.aborted && this.inFlight < this.conc.limit) {
      const ops = this.next();
      if (!ops) break;
      this.send(ops);
    }
    this.ledger.progress(this.live());
    const idle = this.inFlight === 0 && this.waiting === 0;
    const queued =
      this.retryReady.length > 0 || this.isolated.length > 0 || this.freshAt < this.fresh.length;
    if (idle && (this.aborted || !queued) && this.done) {
      const done = this.done;
      this.done = null;
      done();
    }
  }

  private send(batch: OpState[]): void {
    const items: Record<string, WriteRequest[]> = {};
    const ops: OpState[] = [];
    for (const o of batch) {
      try {
        const sdk = (o.sdk ??= toSdkWriteRequest(o.s.op));
        (items[o.s.op.table] ??= []).push(sdk);
        ops.push(o);
      } catch (err) {
        this.ledger.failed([{ id: o.s.op.id, reason: `cannot encode: ${String(err)}` }]);
      }
    }
    if (ops.length === 0) return;
    const sentSeq = ++this.seq;
    this.inFlight++;
    this.ledger.counters.requests++;
    this.ledger.counters.opsSent += ops.length;
    for (const o of ops) {
      o.sends++;
      this.ledger.sent(o.s.op.id, o.sends, o.unknown || this.opts.resending === true);
      o.unknown = false;
    }
    const command = new BatchWriteItemCommand({
      RequestItems: items,
      ReturnConsumedCapacity: 'TOTAL',
    });
    this.client
      .send(command)
      .then(
        (out) => this.onResponse(ops, out, sentSeq),
        (err: unknown) => this.onFailure(ops, classifyFailure(err), sentSeq),
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

  private onResponse(ops: OpState[], out: BatchWriteItemCommandOutput, sentSeq: number): void {
    const c = this.ledger.counters;
    for (const cc of out.ConsumedCapacity ?? []) c.consumedCapacity += cc.CapacityUnits ?? 0;
    const back = new Set(unprocessedKeyIds(out.UnprocessedItems, this.keySchemas));
    const unprocessed = ops.filter((o) => back.has(o.s.keyId));
    this.ledger.written(ops.filter((o) => !back.has(o.s.keyId)).map((o) => o.s.op.id));
    if (unprocessed.length === 0) {
      this.conc.onClean();
      return;
    }
    c.unprocessed += unprocessed.length;
    // A few items back says little about load (a hot key, bad luck); most of the call back does.
    if (unprocessed.length / ops.length >= (this.opts.pressureFraction ?? 0.5)) {
      this.conc.onPressure(sentSeq, this.seq);
    } else this.conc.onClean();
    this.requeue(unprocessed, 'UnprocessedItems');
  }

  private onFailure(ops: OpState[], f: CallFailure, sentSeq: number): void {
    const c = this.ledger.counters;
    if (f.kind !== 'reject') {
      if (f.kind === 'throttle') c.throttledCalls++;
      else if (f.kind === 'server') c.serverErrors++;
      else c.networkErrors++;
      // A 5xx or a lost connection may have written the call: any resend is reported as such.
      if (f.kind !== 'throttle') for (const o of ops) o.unknown = true;
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

  /** Puts operations back after a backoff, or fails those past the last round. */
  private requeue(ops: OpState[], why: string): void {
    if (this.aborted) {
      this.ledger.canceled(ops.map((o) => o.s.op.id));
      return;
    }
    const max = this.backoff.maxRounds;
    const again: OpState[] = [];
    const failed: { id: string; reason: string }[] = [];
    let round = 0;
    for (const o of ops) {
      o.rounds++;
      if (o.rounds > max) {
        failed.push({
          id: o.s.op.id,
          reason: `still unprocessed after ${max} rounds (last: ${why})`,
        });
      } else {
        again.push(o);
        round = Math.max(round, o.rounds);
      }
    }
    this.ledger.failed(failed);
    if (again.length === 0) return;
    const c = this.ledger.counters;
    c.rounds = Math.max(c.rounds, round);
    this.waiting += again.length;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.waiting -= again.length;
        this.retryReady.push(...again);
        this.pump();
      },
      backoffDelay(round - 1, this.backoff, this.random),
    );
    this.timers.set(timer, again);
  }
}
