/**
 * Atomic mode's executor: one TransactWriteItems call per group, each all or nothing.
 * TransactionCanceledException is mapped back to the operations through CancellationReasons (in
 * action order): ConditionalCheckFailed is a conflict, TransactionConflict and throttling are
 * retried with backoff (a fresh token: nothing was applied), a ValidationError names its item. A
 * dropped connection or a 5xx leaves the outcome unknown: the group is resent with the same
 * ClientRequestToken, which DynamoDB applies once within 10 minutes.
 */
import { randomUUID } from 'node:crypto';
import {
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { Item } from '../../../shared/dynamo/types';
import type { AtomicGroup, TransactAction } from '../../../shared/plan/atomicGroups';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../../shared/retry/backoff';
import { fromSdkItem, toSdkItem } from '../dynamo/convert';

export type AtomicOutcome =
  | { status: 'written' }
  | { status: 'conflict'; server?: Item; reason: string }
  | { status: 'failed'; reason: string }
  /** Not written because another operation of its group failed. */
  | { status: 'canceled'; reason: string };

export interface AtomicReport {
  outcomes: Record<string, AtomicOutcome>;
  calls: number;
  /** Resends of a group with its token after an unknown outcome. */
  resent: number;
  consumedCapacity: number;
}

const RETRY_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const UNKNOWN_OUTCOME = /^(TimeoutError|NetworkingError|ECONNRESET|EPIPE|InternalServerError|ServiceUnavailable)|socket hang up/;

function sdkAction(a: TransactAction): TransactWriteItem {
  const [verb, body] = Object.entries(a)[0] as ['Put' | 'Update' | 'Delete', TransactAction[keyof TransactAction]];
  const b = body as Record<string, unknown> & { Item?: Item; Key?: Item; ExpressionAttributeValues?: Item };
  return {
    [verb]: {
      ...b,
      ...(b.Item ? { Item: toSdkItem(b.Item) } : {}),
      ...(b.Key ? { Key: toSdkItem(b.Key) } : {}),
      ...(b.ExpressionAttributeValues ? { ExpressionAttributeValues: toSdkItem(b.ExpressionAttributeValues) } : {}),
    },
  } as TransactWriteItem;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** After the call, every operation of every group has one outcome. */
export async function runAtomicGroups(
  client: DynamoDBClient,
  groups: readonly AtomicGroup[],
  backoff: Partial<BackoffOptions> = {},
): Promise<AtomicReport> {
  const opts = backoffOptions(backoff);
  const report: AtomicReport = { outcomes: {}, calls: 0, resent: 0, consumedCapacity: 0 };
  for (const group of groups) {
    const items = group.actions.map(sdkAction);
    let token = randomUUID();
    for (let round = 0; ; round++) {
      report.calls++;
      try {
        const out = await client.send(
          new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token, ReturnConsumedCapacity: 'TOTAL' }),
        );
        for (const c of out.ConsumedCapacity ?? []) report.consumedCapacity += c.CapacityUnits ?? 0;
        for (const op of group.ops) report.outcomes[op.id] = { status: 'written' };
        break;
      } catch (err) {
        const e = err as { name?: string; message?: string; CancellationReasons?: { Code?: string; Message?: string; Item?: Record<string, never> }[] };
        const last = round + 1 >= opts.maxRounds;
        if (e.name === 'TransactionCanceledException') {
          const reasons = e.CancellationReasons ?? [];
          if (!last && reasons.some((r) => RETRY_REASONS.has(r.Code ?? ''))) {
            token = randomUUID(); // canceled: nothing applied, so this is a new attempt
            await sleep(backoffDelay(round, opts));
            continue;
          }
          const culprit = group.ops.find((_, i) => (reasons[i]?.Code ?? 'None') !== 'None');
          group.ops.forEach((op, i) => {
            const r = reasons[i];
            const code = r?.Code ?? 'None';
            if (code === 'ConditionalCheckFailed') {
              report.outcomes[op.id] = {
                status: 'conflict',
                reason: r?.Message || 'The item changed on the server',
                ...(r?.Item ? { server: fromSdkItem(r.Item) } : {}),
              };
            } else if (code !== 'None') report.outcomes[op.id] = { status: 'failed', reason: `${code}: ${r?.Message ?? ''}`.trim() };
            else report.outcomes[op.id] = { status: 'canceled', reason: `Not written: its group was canceled because ${culprit?.id ?? 'another operation'} failed` };
          });
          break;
        }
        if (!last && UNKNOWN_OUTCOME.test(`${e.name ?? ''} ${e.message ?? ''}`)) {
          report.resent++; // same token: applied at most once
          await sleep(backoffDelay(round, opts));
          continue;
        }
        for (const op of group.ops) report.outcomes[op.id] = { status: 'failed', reason: `${e.name ?? 'Error'}: ${e.message ?? ''}` };
        break;
      }
    }
  }
  return report;
}
