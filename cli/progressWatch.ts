/** The CLI's time budget: a run stops when nothing has settled for that long. */

export const DEFAULT_TIME_BUDGET_S = 60;
/** Retry rounds that never run out in practice (the time budget ends a stuck run instead). */
export const UNLIMITED_ROUNDS = 1_000_000;

export class ProgressWatch {
  private settled = -1;
  private at = Date.now();
  private readonly timer: ReturnType<typeof setInterval>;
  /** True once the budget ran out (and `onExpire` was called). */
  expired = false;

  constructor(
    private readonly budgetMs: number,
    onExpire: () => void,
  ) {
    this.timer = setInterval(
      () => {
        if (this.expired || Date.now() - this.at < this.budgetMs) return;
        this.expired = true;
        onExpire();
      },
      Math.min(1000, Math.max(10, budgetMs / 4)),
    );
    this.timer.unref?.();
  }

  /** Records how many operations have settled so far; a rise restarts the budget. */
  saw(settled: number): void {
    if (settled > this.settled) {
      this.settled = settled;
      this.at = Date.now();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
