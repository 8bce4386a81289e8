/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"). */

export interface BackoffOptions {
  /** Base delay in ms (default 100). */
  baseMs: number;
  /** Largest ceiling in ms (default 10 s). */
  capMs: number;
  /** Retry rounds allowed per operation before it is reported failed (default 10). */
  maxRounds: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 100, capMs: 10_000, maxRounds: 10 };

/** Defaults filled in for whatever the caller left out. */
export function backoffOptions(opts: Partial<BackoffOptions> = {}): BackoffOptions {
  return {
    baseMs: opts.baseMs ?? DEFAULT_BACKOFF.baseMs,
    capMs: opts.capMs ?? DEFAULT_BACKOFF.capMs,
    maxRounds: opts.maxRounds ?? DEFAULT_BACKOFF.maxRounds,
  };
}

/** The ceiling of round `round` (0 for the first retry): min(cap, base * 2^round). */
export function backoffCeiling(round: number, opts: Partial<BackoffOptions> = {}): number {
  const { baseMs, capMs } = backoffOptions(opts);
  const exp = Math.min(Math.max(0, Math.floor(round)), 40);
  return Math.min(capMs, baseMs * 2 ** exp);
}

/**
 * Full jitter: a delay drawn uniformly from [0, min(cap, base * 2^round)). `random` returns a
 * number in [0, 1) (Math.random by default; tests inject their own).
 */
export function backoffDelay(
  round: number,
  opts: Partial<BackoffOptions> = {},
  random: () => number = Math.random,
): number {
  return random() * backoffCeiling(round, opts);
}
