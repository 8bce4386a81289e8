/**
 * Pacing of the items sent, from the rate the server accepts: the executor's capacity learning.
 *
 * Why: concurrency alone is too coarse for a throughput-limited table. With 12-20 ms round trips,
 * one more call in flight is +1,250 to +2,000 items/s, so against 2,000 items/s of capacity the
 * limit swings between 1 in flight (whose rate depends on the round trip, often under the
 * capacity) and 2-4 (a third to half of every call handed back, each item sent about twice, and
 * items that come back round after round wait out ever longer backoffs at the end). The pacer adds
 * a rate limit under the concurrency limit: requests are spaced so that about the rate the server
 * accepted goes out. It never touches the rules of DYNAMODB.md: the concurrency still halves on
 * pressure and grows after clean responses, UnprocessedItems still wait out their full-jitter
 * backoff, and nothing is ever dropped: the pacer only decides when the next request may leave.
 *
 * The signal is the share of the items sent that came back unprocessed or in a throttled call
 * (the "loss"), judged over windows of at least `minSample` items and `minWindowMs`, one after
 * the other (never overlapping: judging a sliding window at every response would act on its
 * noisiest moment). Some loss need not depend on our rate at all (a hot key, injected faults):
 * pacing on it would only slow everything down, so every cut is also a test.
 *
 * - Off (no limit) until a window loses more than the background loss plus `margin`. Windows are
 *   500 items by default (20 full calls), so that a few more throttled calls than usual (25 items
 *   lost at once each) do not pass the margin.
 * - A cut sets the rate to what the server accepted in that window, plus `headroom`, divided by
 *   the share that gets through the background loss; and at least `deepestCut` under the rate
 *   sent, so that the outcome tells. Responses to requests sent before the cut are not counted.
 * - If the next window's loss beyond the background has halved, the rate was the problem: the
 *   pace holds (and rises to the target if the test cut deeper). If not, a second cut goes to
 *   what the server accepted since the first (the first may have aimed too high after a burst
 *   allowance); if that does not halve the loss either, it is not ours to fix: the mean loss of
 *   both test windows becomes the background and the pacer is off again (so that a capacity
 *   behind that loss is found afresh, against the right background). The background is forgotten
 *   slowly (`backgroundDecayPerSecond`), so it is tested again now and then.
 * - While paced, a window losing less than the background plus `growBelow` raises the rate, per
 *   `minWindowMs` it took: by `growth` while (almost) nothing comes back, by a tenth of that near
 *   the limit; never past twice the rate actually sent (the limit may not bind). So a pace that
 *   turns out low, or a capacity that grows, is soon caught up with. A window losing more than
 *   the margin above the background cuts again, as above.
 * - Calls that fail without an answer about capacity (5xx, dropped connections) say nothing
 *   about the rate and are not counted; throttled calls count as sent, none accepted.
 */

export interface PaceOptions {
  /** Loss above the background that calls for a cut (default 0.15). */
  margin: number;
  /** Rate allowed above the accepted rate after a cut (default 0.03: 3% above). */
  headroom: number;
  /**
   * Rate growth while paced, per `minWindowMs` of a window that lost (almost) nothing above the
   * background; a tenth of it for a lightly loaded one (default 0.2: +20%).
   */
  growth: number;
  /** A window losing less than this above the background is lightly loaded (default 0.075). */
  growBelow: number;
  /**
   * Items a window must hold before it is judged (default 500: 20 full calls, so that a few
   * throttled calls more than usual, 25 items lost at once each, do not look like a new loss).
   */
  minSample: number;
  /** Time a window must cover before it is judged, ms (default 100). */
  minWindowMs: number;
  /** How fast the background loss is forgotten, per second (default 0.005). */
  backgroundDecayPerSecond: number;
  /** A cut takes the rate at least this far under the rate sent (default 0.85). */
  deepestCut: number;
  /** Items that may go out at once after an idle spell (default 25, one full request). */
  burst: number;
  /** Items per round trip the rate never goes under (default 1). */
  minPerRoundTrip: number;
}

export const DEFAULT_PACE: PaceOptions = {
  margin: 0.15,
  headroom: 0.03,
  growth: 0.2,
  growBelow: 0.075,
  minSample: 500,
  minWindowMs: 100,
  backgroundDecayPerSecond: 0.005,
  deepestCut: 0.85,
  burst: 25,
  minPerRoundTrip: 1,
};

interface Test {
  /** The loss of the window that made the first cut. */
  loss: number;
  /** The rate the cut aimed at (the test may have cut deeper). */
  target: number;
  /** Once a second cut was made: the loss of the window that made it. */
  retried: number | null;
}

const newWindow = (from: number) => ({ sent: 0, accepted: 0, from });

export class RatePacer {
  /** Items per second allowed; Infinity while off. */
  rate = Infinity;
  /** Loss that does not depend on our rate, as last measured (decaying). */
  background = 0;
  private readonly o: PaceOptions;
  private tokens: number;
  private refilledAt = 0;
  /** The window being filled; `from` < 0 until its first response (which only marks the start). */
  private win = newWindow(-1);
  private decayedAt = -1;
  private rttMs = 0;
  /** Responses to requests sent up to the last cut describe the old rate: they are not counted. */
  private cutSeq = 0;
  private test: Test | null = null;

  constructor(opts: Partial<PaceOptions> = {}) {
    this.o = { ...DEFAULT_PACE, ...opts };
    this.tokens = this.o.burst;
  }

  get engaged(): boolean {
    return this.rate !== Infinity;
  }

  private refill(now: number): void {
    if (this.engaged) {
      const dt = Math.max(0, now - this.refilledAt) / 1000;
      this.tokens = Math.min(this.o.burst, this.tokens + dt * this.rate);
    }
    this.refilledAt = now;
  }

  /** Milliseconds before the next request may go (0: now). */
  delay(now: number): number {
    if (!this.engaged) return 0;
    this.refill(now);
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.rate) * 1000);
  }

  /** A request of `items` operations went out. The debt it leaves spaces the next one. */
  spend(items: number, now: number): void {
    this.refill(now);
    if (this.engaged) this.tokens -= items;
  }

  /** The rate at which `acceptedRate` gets through the background loss, plus the headroom. */
  private rateFor(acceptedRate: number): number {
    const floor = (this.o.minPerRoundTrip * 1000) / Math.max(1, this.rttMs);
    const through = Math.max(0.05, 1 - this.background);
    return Math.max(floor, (acceptedRate * (1 + this.o.headroom)) / through);
  }

  /** Sets a lower rate (never under the floor) and starts a new window that ignores older sends. */
  private cut(rate: number, now: number, seq: number): void {
    this.refill(now);
    this.rate = Math.max(this.rateFor(0), rate);
    // The debt makes the next request wait: the cut takes effect at once.
    this.tokens = Math.min(this.tokens, 0);
    this.cutSeq = seq;
  }

  /**
   * A response to request number `sentSeq` (of `sent` items, `rttMs` after it went), of which
   * `accepted` were written (0 for a throttled call); `seq` is the number of the last request sent.
   */
  onResponse(
    r: { sent: number; accepted: number; rttMs: number },
    sentSeq: number,
    seq: number,
    now: number,
  ): void {
    this.rttMs = this.rttMs === 0 ? r.rttMs : 0.8 * this.rttMs + 0.2 * r.rttMs;
    if (this.decayedAt >= 0) {
      const decay = (this.o.backgroundDecayPerSecond * (now - this.decayedAt)) / 1000;
      this.background = Math.max(0, this.background - decay);
    }
    this.decayedAt = now;
    if (sentSeq <= this.cutSeq) return;
    const w = this.win;
    if (w.from < 0) {
      w.from = now;
      return;
    }
    w.sent += r.sent;
    w.accepted += r.accepted;
    const spanMs = now - w.from;
    if (w.sent < this.o.minSample || spanMs < this.o.minWindowMs) return;
    this.win = newWindow(now);
    this.judge(w.sent, w.accepted, spanMs / 1000, now, seq);
  }

  private judge(sent: number, accepted: number, span: number, now: number, seq: number): void {
    const loss = 1 - accepted / sent;
    const acceptedRate = accepted / span;
    const sentRate = Math.min(this.rate, sent / span);
    const test = this.test;
    if (test) {
      const excess = loss - this.background;
      if (excess < (test.loss - this.background) / 2) {
        // Our rate was the problem: the cut only had to be deep enough to tell.
        this.test = null;
        this.rate = Math.max(this.rate, test.target);
      } else if (test.retried === null) {
        // Either the loss is not ours, or the rate we cut to was inflated (a burst allowance in
        // the window): cut again, to what the server took since the cut, and judge once more.
        const target = this.rateFor(acceptedRate);
        this.test = { ...test, target, retried: loss };
        this.cut(Math.min(target, this.o.deepestCut * sentRate), now, seq);
        this.win = newWindow(-1);
      } else {
        // Two cuts did not halve the loss: that much of it is not ours to fix. It becomes the
        // background, and the pacer lets go altogether: any pace set so far was worked out with
        // the wrong background (too low). Were there a capacity as well, the next window shows
        // it, now above the right background, and the cut that follows aims right.
        this.test = null;
        this.rate = Infinity;
        this.background = Math.max(this.background, (test.retried + loss) / 2);
      }
      return;
    }
    if (loss > this.background + this.o.margin) {
      const target = this.rateFor(acceptedRate);
      this.test = { loss, target, retried: null };
      this.cut(Math.min(target, this.o.deepestCut * sentRate), now, seq);
      this.win = newWindow(-1);
      return;
    }
    if (this.engaged && loss < this.background + this.o.growBelow) {
      // Probe upwards, per `minWindowMs` the window took (at most +50% at once), so that a low
      // pace, whose windows take longer to fill, catches up as fast in time: by `growth` while
      // (almost) nothing comes back, the server has room; by a tenth of that near the limit. But
      // not far beyond what is actually sent (the limit may not bind).
      const steps = Math.max(1, (span * 1000) / this.o.minWindowMs);
      const room = loss <= this.background + 0.01;
      const step = room ? this.o.growth : this.o.growth / 10;
      const grown = this.rate * Math.min(1.5, 1 + step * steps);
      this.rate = Math.max(this.rate, Math.min(grown, (2 * sent) / span));
    }
  }
}
