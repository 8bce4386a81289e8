/**
 * Atomic mode: a TransactionCanceledException's CancellationReasons (one per action, in order)
 * turned into outcomes of the group's operations, with the server's image for conflicts.
 */
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/dynamo/types';
import type { PlanInput, KeySchemasByTable } from '../../shared/plan/types';
import { keyOf } from '../../shared/dynamo/types';
import { fromSdkItem, toSdkItem } from '../sdk/convert';
import { itemsEquivalent } from './equivalent';

export type AtomicOutcome =
  | { status: 'written' }
  | { status: 'conflict'; server: Item | null; reason: string }
  | { status: 'failed'; reason: string }
  /** Not sent: the put it waits for (a move's copy) was not written. */
  | { status: 'held'; reason: string }
  /** Not sent: a call-wide error (access, credentials, missing table). */
  | { status: 'paused'; reason: string }
  /** Not written because another action of its transaction failed. */
  | { status: 'canceled'; reason: string };

export interface CancellationReason {
  Code?: string;
  Message?: string;
  Item?: Record<string, never>;
}

export const RETRY_REASONS = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/** The key an operation writes, in the table's key schema. */
export function opKey(op: PlanInput, schemas?: KeySchemasByTable): Item {
  if (op.kind === 'delete') return op.key;
  const schema = schemas?.[op.table];
  return schema ? keyOf(op.item, schema) : op.item;
}

/** The item now on the server (consistent read); null when absent or unreadable. */
export async function serverImage(client: DynamoDBClient, op: PlanInput, schemas?: KeySchemasByTable): Promise<Item | null> {
  try {
    const out = await client.send(
      new GetItemCommand({ TableName: op.table, Key: toSdkItem(opKey(op, schemas)), ConsistentRead: true }),
    );
    return out.Item ? fromSdkItem(out.Item) : null;
  } catch {
    return null;
  }
}

/** True when the server already holds what `op` makes (a put's item, a delete's absence). */
export function alreadyApplied(op: PlanInput, server: Item | null): boolean {
  if (op.kind === 'delete') return server === null;
  return server !== null && itemsEquivalent(server, op.item);
}

/**
 * The outcome of each of the group's operations from the reasons (in action order; the
 * condition checks come after the operations). A failed ConditionCheck cancels every operation
 * and names the check.
 */
export function outcomesFromReasons(
  ops: readonly PlanInput[],
  reasons: readonly CancellationReason[],
  checkLabels: readonly string[],
  schemas?: KeySchemasByTable,
): Record<string, AtomicOutcome> {
  const name = (op: PlanInput) => `${op.table} ${JSON.stringify(opKey(op, schemas))}`;
  const out: Record<string, AtomicOutcome> = {};
  const culpritOp = ops.find((_, i) => (reasons[i]?.Code ?? 'None') !== 'None');
  const failedCheck = checkLabels.findIndex((_, j) => (reasons[ops.length + j]?.Code ?? 'None') !== 'None');
  const because = culpritOp
    ? `${name(culpritOp)} failed`
    : failedCheck >= 0
      ? `the condition check "${checkLabels[failedCheck]}" failed`
      : 'another action failed';
  ops.forEach((op, i) => {
    const r = reasons[i];
    const code = r?.Code ?? 'None';
    if (code === 'ConditionalCheckFailed') {
      out[op.id] = {
        status: 'conflict',
        reason: r?.Message || 'The item changed on the server',
        server: r?.Item ? fromSdkItem(r.Item) : null,
      };
    } else if (code !== 'None') {
      out[op.id] = { status: 'failed', reason: `${code} on ${name(op)}: ${r?.Message ?? ''}`.trim() };
    } else {
      out[op.id] = { status: 'canceled', reason: `Not written: its transaction was canceled because ${because}` };
    }
  });
  return out;
}
