/**
 * Operations waiting out a backoff. Each operation carries its own round: those handed back by
 * one response wait together only when they are on the same round, each group for a full-jitter
 * delay of that round. When the delay ends they are ready to ride in the next request.
 */
import { backoffDelay, type BackoffOptions } from '../../shared/retry/backoff';

export interface Retryable {
  /** Retry rounds used so far (0 until it is first handed back). */
  rounds: number;
}

export class Backlog<T extends Retryable> {
  /** Operations whose backoff is over, oldest first. */
  ready: T[] = [];
  private readonly timers = new Map<NodeJS.Timeout, T[]>();
  private count = 0;

  /**
   * `level`, when given, sets the backoff round of every delay instead of each operation's own
   * round: the commit's pressure (see Pressure), so that random loss on a table that accepts most
   * writes is retried promptly and only a table pushing back as a whole slows the retries down.
   */
  constructor(
    private readonly backoff: BackoffOptions,
    private readonly random: () => number,
    private readonly onReady: () => void,
    private readonly level?: () => number,
  ) {}

  /** Operations still waiting out their delay. */
  get waiting(): number {
    return this.count;
  }

  /**
   * Counts a round for each operation and schedules it, or returns those past the last round.
   * Returns the deepest round reached.
   */
  requeue(ops: T[]): { over: T[]; deepest: number } {
    const byRound = new Map<number, T[]>();
    const over: T[] = [];
    let deepest = 0;
    for (const o of ops) {
      o.rounds++;
      if (o.rounds > this.backoff.maxRounds) {
        over.push(o);
        continue;
      }
      deepest = Math.max(deepest, o.rounds);
      const group = byRound.get(o.rounds);
      if (group) group.push(o);
      else byRound.set(o.rounds, [o]);
    }
    for (const [round, group] of byRound) this.schedule(group, round);
    return { over, deepest };
  }

  private schedule(group: T[], round: number): void {
    this.count += group.length;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.count -= group.length;
        this.ready.push(...group);
        this.onReady();
      },
      backoffDelay(this.level ? this.level() : round - 1, this.backoff, this.random),
    );
    this.timers.set(timer, group);
  }

  /** Stops every timer; returns all operations, waiting or ready. */
  clear(): T[] {
    const all = [...this.ready];
    for (const [t, group] of this.timers) {
      clearTimeout(t);
      all.push(...group);
    }
    this.timers.clear();
    this.ready = [];
    this.count = 0;
    return all;
  }
}

/** How hard the server pushes back, as a backoff round: up on pressure, down on clean answers. */
export class Pressure {
  level = 0;

  push(): void {
    this.level = Math.min(20, this.level + 1);
  }

  ease(): void {
    this.level = Math.max(0, this.level - 1);
  }
}
