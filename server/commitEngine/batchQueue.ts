/**
 * What the batch lane sends next: groups split off to isolate a rejection first; then, when no
 * retry is due and the plan is at one of its boundaries, the next planned request as planned;
 * else the operations due for a retry, topped up with planned ones, so that retries never travel
 * in half-empty calls.
 */
import { RequestBuilder, type PackLimits, type SizedOp } from '../../shared/plan/builder';
import type { Backlog, Retryable } from './backlog';

export class BatchQueue<T extends Retryable & { s: SizedOp }> {
  /** The planned operations in plan order; `ends` are the planned requests' boundaries. */
  private readonly fresh: T[] = [];
  private readonly ends: number[] = [];
  private freshAt = 0;
  private endAt = 0;
  private readonly isolated: T[][] = [];

  constructor(
    private readonly limits: PackLimits,
    private readonly backlog: Backlog<T>,
    requests: readonly (readonly T[])[],
  ) {
    for (const request of requests) {
      this.fresh.push(...request);
      this.ends.push(this.fresh.length);
    }
  }

  get planned(): readonly T[] {
    return this.fresh;
  }

  get queued(): boolean {
    return (
      this.backlog.ready.length > 0 || this.isolated.length > 0 || this.freshAt < this.fresh.length
    );
  }

  /** Groups to send on their own, before anything else (in this order). */
  isolate(...groups: T[][]): void {
    this.isolated.unshift(...groups);
  }

  /** Everything not yet sent (the backlog's timers stopped). */
  drain(): T[] {
    const queued = [
      ...this.backlog.clear(),
      ...this.isolated.flat(),
      ...this.fresh.slice(this.freshAt),
    ];
    this.isolated.length = 0;
    this.freshAt = this.fresh.length;
    return queued;
  }

  next(): T[] | null {
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
    const taken: T[] = [];
    const left: T[] = [];
    for (const o of ready) {
      if (!b.full && b.add(o.s) === 'added') taken.push(o);
      else left.push(o);
    }
    this.backlog.ready = left;
    while (!b.full && this.freshAt < this.fresh.length) {
      const o = this.fresh[this.freshAt] as T;
      // Too big for what is left, or its key already here: it leads the next request instead.
      if (b.add(o.s) !== 'added') break;
      taken.push(o);
      this.freshAt++;
    }
    return taken;
  }
}
