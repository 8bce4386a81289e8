/** The app's commit options turned into the engine's, and the ids commits get. */
import type { z } from 'zod';
import type { commitOptionsSchema } from '../../shared/contract/commit';

export type Options = z.output<typeof commitOptionsSchema>;

export function executorOptions(o: Options = {}, signal: AbortSignal) {
  return {
    concurrency: o.concurrency ?? 4,
    signal,
    ...(o.noProgressTimeoutMs ? { noProgressTimeoutMs: o.noProgressTimeoutMs } : {}),
    backoff: {
      ...(o.backoffBaseMs ? { baseMs: o.backoffBaseMs } : {}),
      ...(o.backoffCapMs ? { capMs: o.backoffCapMs } : {}),
      ...(o.maxRounds ? { maxRounds: o.maxRounds } : {}),
    },
  };
}

/** The drift, existence and read-back reads give up as the writes do: no progress for the budget. */
export function readOptions(o: Options = {}) {
  return o.noProgressTimeoutMs ? { noProgressTimeoutMs: o.noProgressTimeoutMs } : {};
}

export const UNCHECKED_REASON =
  'not sent: the check before writing could not read the item (the table answered nothing for the no-progress budget); nothing was overwritten, commit again';

export const DRIFT_REASON =
  'not sent: the item changed on the server before Resume (the drift check); nothing was overwritten';
