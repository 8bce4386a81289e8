/**
 * How many calls of one kind fly at once: grown while the server accepts and the round trip does
 * not rise, halved on pushback.
 *
 * - Slow start: from the start, every clean response lets one more call fly (the limit doubles
 *   per round trip), so that single-item writes at 100 ms reach the tens of calls in flight they
 *   need within a few round trips. It ends at the first pushback, at the first loss the caller
 *   reports (`onClean(rtt, false)`), or when the round trip rises.
 * - Then additive: one more call per window of clean responses (the current limit, at least 2),
 *   about +1 per round trip at any level.
 * - Latency: the smoothed round trip is compared with the least one seen (which slowly forgets).
 *   Above `latencyRise` times it, more calls in flight only queue (the server or the client is
 *   busy): the limit stops growing (it is not cut: on a busy machine the round trip rises with
 *   the load of others too, and fewer calls in flight would only lose throughput).
 * - Pressure (throttling, most of a call unprocessed): halved, rounding up, once per window: only a
 *   request sent after the last cut may cause another one.
 */

export interface ConcurrencyOptions {
  initial: number;
  min: number;
  max: number;
  /** Clean responses in a row that let one more call fly after slow start (default: the limit, ≥ 2). */
  cleanToGrow?: number;
  /** Double per round trip until the first sign of load (default true). */
  slowStart?: boolean;
  /** Round trip over the least one seen that stops growth (default 3). */
  latencyRise?: number;
}

export class AdaptiveConcurrency {
  limit: number;
  /** The highest limit reached. */
  peak: number;
  private clean = 0;
  private slow: boolean;
  /** Only a request sent after the last decrease may cause another one: one cut per window. */
  private cutAt = -1;
  private minRtt = Infinity;
  private srtt = 0;
  private readonly min: number;
  private readonly max: number;
  private readonly cleanToGrow: number | undefined;
  private readonly rise: number;

  constructor(o: ConcurrencyOptions) {
    this.min = Math.max(1, o.min);
    this.max = Math.max(this.min, o.max);
    this.cleanToGrow = o.cleanToGrow;
    this.rise = o.latencyRise ?? 3;
    this.slow = o.slowStart ?? true;
    this.limit = Math.min(this.max, Math.max(this.min, Math.floor(o.initial)));
    this.peak = this.limit;
  }

  /** Whether the limit still doubles per round trip. */
  get slowStart(): boolean {
    return this.slow;
  }

  /** The smoothed round trip against the least seen (1: no queueing); 1 before any sample. */
  get latencyRatio(): number {
    return this.minRtt === Infinity || this.minRtt <= 0 ? 1 : this.srtt / this.minRtt;
  }

  private observe(rttMs: number): void {
    if (!(rttMs >= 0)) return;
    // The least round trip drifts up slowly, so that a lasting change of route is learnt.
    this.minRtt = rttMs < this.minRtt ? rttMs : this.minRtt + (rttMs - this.minRtt) * 0.0002;
    this.srtt = this.srtt === 0 ? rttMs : this.srtt + (rttMs - this.srtt) / 8;
  }

  private grow(): void {
    this.limit = Math.min(this.max, this.limit + 1);
    this.peak = Math.max(this.peak, this.limit);
  }

  /**
   * A response that showed no pressure, `rttMs` after its call went (when known). `lossless`
   * false: some of it came back (below the pressure share): no more doubling.
   */
  onClean(rttMs?: number, lossless = true): void {
    if (rttMs !== undefined) this.observe(rttMs);
    if (!lossless) this.slow = false;
    const ratio = this.latencyRatio;
    if (ratio > this.rise) {
      // More calls would only queue. Not a cut: a busy machine raises the round trip too, and
      // fewer calls in flight then lose throughput (only pushback from the server cuts).
      this.slow = false;
      this.clean = 0;
      return;
    }
    if (this.slow) {
      this.grow();
      if (this.limit >= this.max) this.slow = false;
      return;
    }
    if (++this.clean >= (this.cleanToGrow ?? Math.max(2, this.limit))) {
      this.clean = 0;
      this.grow();
    }
  }

  /** Pressure (throttling, most of a call unprocessed) on a request sent at `sentSeq`. */
  onPressure(sentSeq: number, seq: number): void {
    this.clean = 0;
    this.slow = false;
    if (sentSeq <= this.cutAt) return;
    // Halve, rounding up: 3 -> 2 rather than 1, which would leave capacity unused.
    this.limit = Math.max(this.min, Math.ceil(this.limit / 2));
    this.cutAt = seq;
  }
}
