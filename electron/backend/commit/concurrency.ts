/** Additive-increase, multiplicative-decrease control of the number of requests in flight. */

export class AdaptiveConcurrency {
  limit: number;
  private clean = 0;
  /** Only a request sent after the last decrease may cause another one: one cut per window. */
  private cutAt = -1;

  constructor(
    initial: number,
    private readonly min: number,
    private readonly max: number,
    private readonly cleanToGrow: number,
  ) {
    this.limit = Math.min(max, Math.max(min, Math.floor(initial)));
  }

  /** A response with nothing unprocessed: after enough in a row, one more request may fly. */
  onClean(): void {
    if (++this.clean >= this.cleanToGrow) {
      this.clean = 0;
      this.limit = Math.min(this.max, this.limit + 1);
    }
  }

  /** Unprocessed items or throttling on a request sent at `sentSeq`; `seq` is the latest sent. */
  onPressure(sentSeq: number, seq: number): void {
    this.clean = 0;
    if (sentSeq <= this.cutAt) return;
    this.limit = Math.max(this.min, Math.floor(this.limit / 2));
    this.cutAt = seq;
  }
}
