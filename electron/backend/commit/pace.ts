/**
 * Pacing of the items sent, from the rate the server accepts. Concurrency alone is too coarse for
 * a throughput-limited table: with 20 ms round trips one more call in flight is +1,250 items/s,
 * so against 2,000 items/s of capacity the limit jumps between too little (1 in flight) and far
 * too much (3-4 in flight, a third of every call handed back, each item sent about twice).
 *
 * The signal is the share of the items sent that came back unprocessed (or throttled), over a
 * window of responses. Some of that loss may not depend on our rate at all (a hot key, faults):
 * pacing on it would only slow everything down. So a cut is also a test. When the loss exceeds the
 * background loss by `margin`, the rate is cut to what the server accepted plus `headroom` (and
 * the background share), and at least by 15%, so that the outcome tells. If our rate was the
 * problem, the loss beyond the background falls by half or more, and the rate goes to that
 * target. If not, a second cut goes to what the server accepted since the first (which may have
 * aimed too high, from a burst allowance); if the loss still does not halve, both cuts are undone
 * and that loss is the new background level, which decays so that it is tested again now and
 * then. Every test ends one way or the other, so cuts never pile up on a loss they do not cure.
 *
 * Between cuts the rate grows with each response that lost little (`growBelow` above background),
 * and holds otherwise. It is off (no limit) until the first cut.
 */

export interface PaceOptions {
  /** Loss above the background that calls for a cut (default 0.06). */
  margin: number;
  /** Rate allowed above the accepted rate after a cut (default 0.02: 2% above). */
  headroom: number;
  /** Growth of the rate per `growthEveryMs` of lightly loaded responses (default 0.01: +1%). */
  growth: number;
  /**
   * See `growth` (default 15 ms, four times that when a little came back); one response grows the
   * rate by at most 25%.
   */
  growthEveryMs: number;
  /** A response losing less than this above the background is lightly loaded (default 0.05). */
  growBelow: number;
  /** Span over which sent and accepted items are measured (default 500 ms). */
  windowMs: number;
  /**
   * Time a window must cover before it is judged (default 100 ms), after the first round trip
   * from its start (the first request, or a cut), when nothing can have answered yet.
   */
  settleMs: number;
  /** Items a window must hold before it is judged, twice that after a cut (default 150). */
  minSample: number;
  /** How fast the background loss is forgotten, per second (default 0.02). */
  backgroundDecayPerSecond: number;
  /** A cut takes the rate at least this far under the rate sent (default 0.85). */
  deepestCut: number;
  /** Items that may go out at once after an idle spell (default 25, one full request). */
  burst: number;
  /** Items per round trip the rate never goes under (default 1). */
  minPerRoundTrip: number;
}

export const DEFAULT_PACE: PaceOptions = {
  margin: 0.06,
  headroom: 0.02,
  growth: 0.01,
  growthEveryMs: 15,
  growBelow: 0.03,
  windowMs: 500,
  settleMs: 50,
  minSample: 150,
  backgroundDecayPerSecond: 0.02,
  deepestCut: 0.85,
  burst: 25,
  minPerRoundTrip: 1,
};

interface Sample {
  at: number;
  sent: number;
  accepted: number;
}

export class RatePacer {
  /** Items per second allowed; Infinity until the first cut. */
  rate = Infinity;
  /** Loss that does not depend on our rate, as last measured (decaying). */
  background = 0;
  private readonly o: PaceOptions;
  private tokens: number;
  private refilledAt = 0;
  private samples: Sample[] = [];
  private head = 0;
  private sent = 0;
  private accepted = 0;
  /** Start of the current window: the first request, or the last cut. */
  private windowFrom = -1;
  private decayedAt = -1;
  private rttMs = 0;
  private grownAt = -1;
  /** Responses to requests sent up to the last cut describe the old rate: they are not counted. */
  private cutSeq = 0;
  /** Set by a cut until the first judgement after it: the accepted rate before the cut. */
  /** Set by a cut until the first judgement after it: the loss that made it. */
  private test: { loss: number; target: number; before: number; retried: boolean } | null = null;

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
    if (this.windowFrom < 0) this.windowFrom = this.decayedAt = now;
    this.refill(now);
    if (this.engaged) this.tokens -= items;
  }

  /** Drops samples older than the window; returns the window's span in seconds. */
  private slide(now: number): number {
    const from = now - this.o.windowMs;
    while (this.head < this.samples.length && (this.samples[this.head] as Sample).at < from) {
      const s = this.samples[this.head++] as Sample;
      this.sent -= s.sent;
      this.accepted -= s.accepted;
    }
    if (this.head > 1024 && this.head * 2 > this.samples.length) {
      this.samples.splice(0, this.head);
      this.head = 0;
    }
    // Nothing can answer in the first round trip after the window starts: it does not count.
    const opened = this.windowFrom + this.rttMs;
    return Math.max(1, Math.min(this.o.windowMs, now - opened)) / 1000;
  }

  private restartWindow(now: number, seq: number): void {
    this.samples = [];
    this.head = 0;
    this.sent = 0;
    this.accepted = 0;
    this.windowFrom = now;
    this.cutSeq = seq;
  }

  /** The rate at which `acceptedRate` gets through the background loss, plus the headroom. */
  private rateFor(acceptedRate: number): number {
    const floor = (this.o.minPerRoundTrip * 1000) / Math.max(1, this.rttMs);
    const through = Math.max(0.05, 1 - this.background);
    return Math.max(floor, (acceptedRate * (1 + this.o.headroom)) / through);
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
    if (this.windowFrom < 0) this.windowFrom = this.decayedAt = now;
    this.rttMs = this.rttMs === 0 ? r.rttMs : 0.8 * this.rttMs + 0.2 * r.rttMs;
    this.background = Math.max(
      0,
      this.background - (this.o.backgroundDecayPerSecond * (now - this.decayedAt)) / 1000,
    );
    this.decayedAt = now;
    if (sentSeq <= this.cutSeq) return;
    this.samples.push({ at: now, sent: r.sent, accepted: r.accepted });
    this.sent += r.sent;
    this.accepted += r.accepted;
    const span = this.slide(now);
    if (this.sent < this.o.minSample || span * 1000 < this.o.settleMs) return;
    const loss = 1 - this.accepted / this.sent;
    const test = this.test;
    if (test) {
      if (this.sent < 2 * this.o.minSample) return;
      this.test = null;
      if (loss - this.background < (test.loss - this.background) / 2) {
        // Our rate was the problem (the loss beyond the background halved): the cut only had to
        // be deep enough to tell.
        this.rate = Math.max(this.rate, test.target);
      } else if (!test.retried) {
        // The loss did not halve. Either it is not ours, or the accepted rate we cut to was
        // inflated (a burst allowance over a short window): cut again, to what the server took
        // since the cut, and judge once more.
        const acceptedRate = this.accepted / span;
        const target = this.rateFor(acceptedRate);
        this.refill(now);
        this.rate = Math.min(target, this.o.deepestCut * Math.min(this.rate, this.sent / span));
        this.tokens = Math.min(this.tokens, 0);
        this.test = { ...test, target, retried: true };
        this.restartWindow(now, seq);
      } else {
        // Two cuts did not halve the loss: that much of it is not ours to fix. Undo both, and
        // do not cut for that loss again until the background has decayed.
        this.rate = test.before;
        this.tokens = Math.min(this.tokens, this.o.burst);
        this.background = Math.max(this.background, loss);
      }
      return;
    }
    if (loss > this.background + this.o.margin) {
      const acceptedRate = this.accepted / span;
      const sentRate = Math.min(this.rate, this.sent / span);
      this.refill(now);
      const target = this.rateFor(acceptedRate);
      const before = this.rate;
      // Deep enough to tell: had the loss come from our rate, this cut would bring it down.
      this.rate = Math.min(target, this.o.deepestCut * sentRate);
      this.tokens = Math.min(this.tokens, 0);
      this.test = { loss, target, before, retried: false };
      this.restartWindow(now, seq);
      return;
    }
    const lost = r.sent > 0 ? 1 - r.accepted / r.sent : 0;
    if (this.engaged && lost < this.background + this.o.growBelow) {
      // Probe upwards: quickly while nothing comes back (the server has room), slowly near the
      // limit; and not far beyond what is actually sent (the limit may not bind).
      const every = lost === 0 ? this.o.growthEveryMs : 4 * this.o.growthEveryMs;
      const steps = this.grownAt < 0 ? 1 : Math.max(1, (now - this.grownAt) / every);
      const grown = this.rate * Math.min(1.25, (1 + this.o.growth) ** steps);
      this.rate = Math.max(this.rate, Math.min(grown, (2 * this.sent) / span));
    }
    this.grownAt = now;
  }
}
