import { z } from 'zod';
import { channel } from './define';
import { connectionIdSchema, itemSchema } from './values';

/** Commit ids name journal files: letters, digits and dashes only. */
export const commitIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'commitId must be 1-64 letters, digits or dashes');

/**
 * A ConditionCheck action added to every transaction of an atomic commit: the item at `key` must
 * exist (`exists`) or must not (`absent`), or nothing in that transaction is written.
 */
export const conditionCheckSchema = z.object({
  table: z.string().min(1, 'a condition check needs a table'),
  key: itemSchema,
  expect: z.enum(['exists', 'absent']),
});
export type ConditionCheck = z.infer<typeof conditionCheckSchema>;

export const commitOptionsSchema = z.object({
  /**
   * guarded (default): updates and deletes of loaded items are conditional single-item writes
   * (UpdateItem of the changed attributes, DeleteItem on the loaded image); new items are checked
   * for existence, then batch-written. batch: grouped BatchWriteItem after a drift check, last
   * writer wins. atomic: TransactWriteItems groups (endpoints with transactions), guarded
   * conditions on every action.
   */
  mode: z.enum(['guarded', 'batch', 'atomic']).optional(),
  /**
   * Atomic mode: `group` (default) each transaction all or nothing (a canceled group's other
   * changes are sent again without the one that failed); `all` every change in one transaction,
   * all or nothing (refused above 100 actions).
   */
  atomicScope: z.enum(['group', 'all']).optional(),
  /** Atomic mode: ConditionCheck actions added to every transaction (at most 10). */
  conditionChecks: z.array(conditionCheckSchema).max(10).optional(),
  /** Version attribute (optimistic lock) by table: conditioned on and incremented by each write. */
  versionAttributes: z.record(z.string(), z.string().min(1)).optional(),
  /** BatchGetItem every updated or deleted item first and stop on conflicts (default true). */
  driftCheck: z.boolean().optional(),
  /** After the commit, read the written items back and report differences (default false). */
  readBack: z.boolean().optional(),
  /** Requests in flight at the start, 1..8 (default 4; adapts between 1 and 8). */
  concurrency: z.number().int().min(1).max(8).optional(),
  /** Retry rounds per operation, 1..50 (default: none; the no-progress budget ends a commit). */
  maxRounds: z.number().int().min(1).max(50).optional(),
  /** Fail what is left when nothing was written for this long, ms (default 60,000). */
  noProgressTimeoutMs: z.number().int().min(100).max(3_600_000).optional(),
  /** Backoff base and cap in milliseconds (defaults 100 and 10,000). */
  backoffBaseMs: z.number().int().min(1).max(60_000).optional(),
  backoffCapMs: z.number().int().min(1).max(600_000).optional(),
});

export const conflictSchema = z.object({
  id: z.string(),
  table: z.string(),
  key: itemSchema,
  /** The image the edit was based on (null: the edit expected no item). */
  expected: itemSchema.nullable(),
  /** What the server holds now (null: no item). */
  server: itemSchema.nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const outcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('written') }),
  z.object({ status: z.literal('failed'), reason: z.string() }),
  /** Not sent: the put it waits for (a move's copy, a key change's new item) was not written. */
  z.object({ status: z.literal('held'), reason: z.string() }),
  /** A guarded write refused by its condition: the item changed on the server (see conflicts). */
  z.object({ status: z.literal('conflict'), reason: z.string() }),
  /** Not sent: a call-wide error paused the commit (access, credentials, missing table). */
  z.object({ status: z.literal('paused'), reason: z.string() }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('superseded'), by: z.string() }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
]);

export const countersSchema = z.object({
  total: z.number(),
  written: z.number(),
  failed: z.number(),
  /** Deletes held back because their put was not written (see outcome `held`). */
  held: z.number().optional(),
  conflicts: z.number().optional(),
  paused: z.number().optional(),
  canceled: z.number(),
  requests: z.number(),
  rounds: z.number(),
  retriedOps: z.number(),
  unprocessed: z.number(),
  throttledCalls: z.number(),
  consumedCapacity: z.number(),
  seconds: z.number(),
  itemsPerSecond: z.number(),
});

export const commitReportSchema = z.object({
  commitId: z.string(),
  /**
   * conflicts: stopped before writing (drift or existence check), or guarded writes refused by
   * their condition (those are in `outcomes` as conflict; everything else was committed).
   */
  status: z.enum(['done', 'conflicts', 'nothing', 'paused']),
  /** Why the commit paused and what to do (status paused): then commit:resume with its id. */
  pauseReason: z.string().optional(),
  conflicts: z.array(conflictSchema),
  /** Conflicts whose item could not be read (still unprocessed): reported, not blocking. */
  unchecked: z.array(z.string()),
  outcomes: z.record(z.string(), outcomeSchema),
  resent: z.array(z.string()),
  counters: countersSchema,
  /** Read-back differences (readBack on). */
  readBackMismatches: z.array(conflictSchema),
  /** Server images of the written items, for refreshing the grid (puts: the item; deletes: null). */
  refreshed: z.array(z.object({ id: z.string(), table: z.string(), key: itemSchema, item: itemSchema.nullable() })),
  journalError: z.string().optional(),
});
export type CommitReportWire = z.infer<typeof commitReportSchema>;

export const pendingCommitSchema = z.object({
  commitId: z.string(),
  connectionId: z.string(),
  createdAt: z.string(),
  total: z.number(),
  written: z.number(),
  pending: z.number(),
  /** Pending operations by table and kind: what Resume would send. */
  byTable: z
    .array(z.object({ table: z.string(), kind: z.enum(['put', 'delete']), count: z.number() }))
    .optional(),
  /** Keys of the first pending operations (up to 20), for the user to look at before resuming. */
  sample: z
    .array(z.object({ table: z.string(), kind: z.enum(['put', 'delete']), key: itemSchema }))
    .optional(),
  /** Set when the journal cannot be resumed (does not validate, or was changed): why. */
  problem: z.string().optional(),
});
export type PendingCommit = z.infer<typeof pendingCommitSchema>;

/**
 * What the user reviewed before committing: the plan's id (shared/plan/planId.ts, over the staged
 * changes in scope and the options that change the plan), its operation count (for the message
 * when it differs) and the staging revision the renderer's last save was acknowledged with.
 */
export const reviewedPlanSchema = z.object({
  planId: z.string().regex(/^p[0-9a-f]{32}$/, 'planId must be p and 32 hex digits'),
  operations: z.number().int().min(0),
  stagingRevision: z.number().int().min(0),
});
export type ReviewedPlan = z.infer<typeof reviewedPlanSchema>;

export const commitChannels = {
  /** Commits staged changes as grouped BatchWriteItem calls with retries; answers with the report. */
  'commit:start': channel(
    z.object({
      connectionId: connectionIdSchema,
      /** Chosen by the caller so that it can cancel; a new one is made when absent. */
      commitId: commitIdSchema.optional(),
      /** Only these staged changes (default: every staged change of the connection). */
      changeIds: z.array(z.string()).optional(),
      /** Conflict choices from an earlier answer: overwrite sends the edit, skip leaves it staged. */
      resolutions: z.record(z.string(), z.enum(['overwrite', 'skip'])).optional(),
      options: commitOptionsSchema.optional(),
      /**
       * The plan the user reviewed: the backend rebuilds it from the saved staging and refuses
       * (PlanChanged, nothing read or written) when its id differs.
       */
      reviewed: reviewedPlanSchema,
    }),
    commitReportSchema,
  ),
  /** Stops sending new requests; in-flight ones finish and the report says what was written. */
  'commit:cancel': channel(
    z.object({ commitId: commitIdSchema }),
    z.object({ canceled: z.boolean() }),
  ),
  /** Interrupted commits found in the journal folder (a crash or kill), ready to resume. */
  'commit:pending': channel(
    z.object({}).strict(),
    z.object({ commits: z.array(pendingCommitSchema) }),
  ),
  /** Finishes an interrupted commit from its journal; resent operations are listed. */
  'commit:resume': channel(
    z.object({ commitId: commitIdSchema, options: commitOptionsSchema.optional() }),
    commitReportSchema,
  ),
  /** Forgets an interrupted commit (its journal is moved aside); the changes stay staged. */
  'commit:discard': channel(
    z.object({ commitId: commitIdSchema }),
    z.object({ discarded: z.boolean() }),
  ),
  /**
   * Whether the endpoint has transactions (Atomic mode), found by asking it: an empty
   * TransactWriteItems.
   */
  'commit:capabilities': channel(
    z.object({ connectionId: connectionIdSchema }),
    z.object({
      /** The endpoint answers TransactWriteItems (Atomic mode is possible). */
      transactions: z.boolean(),
      /** Why not, in words for the write-mode picker. */
      reason: z.string().optional(),
    }),
  ),
};

export const commitProgressEventSchema = z.object({
  type: z.literal('commit:progress'),
  commitId: z.string(),
  phase: z.enum(['drift', 'writing', 'readBack', 'done']),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  retrying: z.number(),
  canceled: z.number(),
  requests: z.number(),
  rounds: z.number(),
  consumedCapacity: z.number(),
  itemsPerSecond: z.number(),
  concurrency: z.number(),
});
export type CommitProgressEvent = z.infer<typeof commitProgressEventSchema>;

export const commitEvents = [commitProgressEventSchema] as const;
