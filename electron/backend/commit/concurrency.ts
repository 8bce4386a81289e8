/** Additive-increase, multiplicative-decrease control of the number of requests in flight. */

export class AdaptiveConcurrency {
  limit: number;
  private clean = 0;
  /** Only a request sent after the last decrease may cause another one: one cut per window. */
  private cutAt = -1;

  /**
   * `cleanToGrow` clean responses in a row let one more request fly; by default one window's worth
   * (the current limit, at least 2), so growth is about +1 per round trip at any level.
   */
  constructor(
    initial: number,
    private readonly min: number,
    private readonly max: number,
    private readonly cleanToGrow?: number,
  ) {
    this.limit = Math.min(max, Math.max(min, Math.floor(initial)));
  }

  /** A response that showed no pressure. */
  onClean(): void {
    if (++this.clean >= (this.cleanToGrow ?? Math.max(2, this.limit))) {
      this.clean = 0;
      this.limit = Math.min(this.max, this.limit + 1);
    }
  }

  /** Pressure (throttling, most of a call unprocessed) on a request sent at `sentSeq`. */
  onPressure(sentSeq: number, seq: number): void {
    this.clean = 0;
    if (sentSeq <= this.cutAt) return;
    // Halve, rounding up: 3 -> 2 rather than 1, which would leave capacity unused.
    this.limit = Math.max(this.min, Math.ceil(this.limit / 2));
    this.cutAt = seq;
  }
}
