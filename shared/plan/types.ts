/** The planner's vocabulary: staged writes in, BatchWriteItem requests and a summary out. */
import type { Item, KeySchema } from '../dynamo/types';

/**
 * One staged write as the planner takes it: a full-item put or a delete by key. `id` is the
 * caller's change id; `oldSize` is the size of the image the write replaces (for the WCU estimate).
 * A delete's `after` names the put (by id) it must wait for: a move or a key change. With a
 * `guard` the operation is a guarded write (a conditional single-item call, see guardedCall);
 * without one it rides in a BatchWriteItem call (last writer wins).
 */
export type PlanInput =
  | { id: string; table: string; kind: 'put'; item: Item; oldSize?: number; guard?: Guard }
  | {
      id: string;
      table: string;
      kind: 'delete';
      key: Item;
      oldSize?: number;
      after?: string;
      guard?: Guard;
    };

/** What a guarded write checks on the server before it writes. */
export interface Guard {
  /** The image the change was based on; null: a new item (the key must be free). */
  base: Item | null;
  /** A conflict resolved with "overwrite": write the user's attributes whatever the server holds. */
  overwrite?: boolean;
  /** The table's version attribute (optimistic lock): conditioned on, and incremented. */
  version?: string;
}

/** How the operations of a commit are written (see ARCHITECTURE.md, write modes). */
export type WriteMode = 'guarded' | 'batch' | 'atomic';

/** Key schema of every table the plan touches, by table name. */
export type KeySchemasByTable = Record<string, KeySchema>;

/** One BatchWriteItem call: 1..25 operations, no two on the same (table, key). */
export interface PlanRequest {
  ops: PlanInput[];
  /** Exact size of the JSON body the SDK sends for this call. */
  bytes: number;
  /** Estimated write capacity units. */
  wcu: number;
}

export interface PlanSummary {
  puts: number;
  deletes: number;
  requests: number;
  bytes: number;
  wcu: number;
  /** Operations dropped because a later one targets the same key. */
  collapsed: number;
  /** Operations that cannot be sent at all (see `Plan.rejected`). */
  rejected: number;
}

export interface Plan {
  requests: PlanRequest[];
  summary: PlanSummary;
  /** Earlier operations on a key that a later operation replaces (last wins). */
  collapsed: { id: string; by: string }[];
  /** Operations the planner cannot place: unknown table, missing key attribute, too large. */
  rejected: { id: string; reason: string }[];
}

export interface PlanOptions {
  /** Operations per request, 1..25 (default 25). */
  maxOps?: number;
  /** Byte budget of a request body (default 15 MiB, under DynamoDB's 16 MB). */
  maxBytes?: number;
  /** Whether requests carry ReturnConsumedCapacity TOTAL (default true); it counts in the bytes. */
  returnConsumedCapacity?: boolean;
}

export const MAX_BATCH_WRITE_OPS = 25;
export const DEFAULT_MAX_REQUEST_BYTES = 15 * 1024 * 1024;
