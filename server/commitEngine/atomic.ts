/**
 * Atomic mode's executor: one TransactWriteItems call per group, each all or nothing.
 * TransactionCanceledException is mapped back to the operations through CancellationReasons
 * (atomicReasons.ts): ConditionalCheckFailed is a conflict, TransactionConflict and throttling are
 * retried with backoff, a ValidationError names its item. A dropped connection or a 5xx leaves the
 * outcome unknown: the group is resent with the same ClientRequestToken, which DynamoDB applies
 * once within 10 minutes (a conflict after such a resend whose item already holds what the group
 * writes counts as written). With `regroup`, the operations a conflict canceled are planned again
 * without it and sent, so one refused change does not hold back the rest.
 */
import { createHash, randomUUID } from 'node:crypto';
import { TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/dynamo/types';
import { atomicGroups, type AtomicGroup, type TransactAction } from '../../shared/plan/atomicGroups';
import type { ConditionCheckAction } from '../../shared/plan/atomicPlan';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../shared/retry/backoff';
import { toSdkItem } from '../sdk/convert';
import {
  alreadyApplied,
  outcomesFromReasons,
  RETRY_REASONS,
  serverImage,
  type AtomicOutcome,
  type CancellationReason,
} from './atomicReasons';
import { classifyFailure } from './errors';

export type { AtomicOutcome } from './atomicReasons';

export interface AtomicReport {
  outcomes: Record<string, AtomicOutcome>;
  calls: number;
  /** Resends of a group with its token after an unknown outcome. */
  resent: number;
  /** Groups planned again without the operations that canceled them. */
  regrouped: number;
  consumedCapacity: number;
}

export interface AtomicRunOptions extends Partial<BackoffOptions> {
  /** ConditionCheck actions added to every group, with the labels that name them. */
  checks?: { actions: ConditionCheckAction[]; labels: string[] };
  /** Plan a canceled group's other operations again and send them (scope "each group"). */
  regroup?: { schemas: KeySchemasByTable; maxActions: number; maxBytes: number };
  /** Key schemas, for reading a conflict's server image. */
  schemas?: KeySchemasByTable;
  /** Tokens derived from this (the commit id), the actions and the attempt: a resume sends the same. */
  tokenSeed?: string;
  /** Every group may have been applied before (a resume). */
  resending?: boolean;
  signal?: AbortSignal;
  /** Fail what is left when nothing was written for this long (default 60 s); rounds are not capped unless maxRounds is given. */
  noProgressTimeoutMs?: number;
  /** Each group's outcomes, as soon as they are known (for the journal). */
  onGroup?: (outcomes: Record<string, AtomicOutcome>) => void;
  onProgress?: (p: { done: number; calls: number; retrying: number }) => void;
}

function sdkAction(a: TransactAction | ConditionCheckAction): TransactWriteItem {
  const [verb, body] = Object.entries(a)[0] as [string, Record<string, unknown>];
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

function tokenOf(seed: string | undefined, actions: readonly unknown[], attempt: number): string {
  if (seed === undefined) return randomUUID();
  return createHash('sha256').update(`${seed}\u0000${attempt}\u0000${JSON.stringify(actions)}`).digest('hex').slice(0, 36);
}

/** After the call, every operation of every group has one outcome. */
export async function runAtomicGroups(
  client: DynamoDBClient,
  groups: readonly AtomicGroup[],
  o: AtomicRunOptions = {},
): Promise<AtomicReport> {
  const opts = backoffOptions({ ...o, maxRounds: o.maxRounds ?? Number.MAX_SAFE_INTEGER });
  const budget = o.noProgressTimeoutMs ?? 60_000;
  const report: AtomicReport = { outcomes: {}, calls: 0, resent: 0, regrouped: 0, consumedCapacity: 0 };
  const checks = o.checks?.actions ?? [];
  const queue = [...groups];
  let lastProgress = Date.now();
  let done = 0;
  const settle = (outcomes: Record<string, AtomicOutcome>) => {
    Object.assign(report.outcomes, outcomes);
    done += Object.keys(outcomes).length;
    if (Object.values(outcomes).some((x) => x.status === 'written')) lastProgress = Date.now();
    o.onGroup?.(outcomes);
    o.onProgress?.({ done, calls: report.calls, retrying: 0 });
  };
  const all = (g: AtomicGroup, outcome: AtomicOutcome) => Object.fromEntries(g.ops.map((op) => [op.id, outcome]));
  while (queue.length > 0) {
    const group = queue.shift()!;
    if (o.signal?.aborted) {
      settle(all(group, { status: 'canceled', reason: 'Canceled before it was sent' }));
      continue;
    }
    const actions = [...group.actions, ...checks];
    const items = actions.map(sdkAction);
    let attempt = 0;
    let token = tokenOf(o.tokenSeed, actions, attempt);
    let unknown = o.resending === true;
    for (let round = 0; ; round++) {
      report.calls++;
      const giveUp = round + 1 >= opts.maxRounds || Date.now() - lastProgress > budget;
      try {
        const out = await client.send(
          new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: token, ReturnConsumedCapacity: 'TOTAL' }),
        );
        for (const c of out.ConsumedCapacity ?? []) report.consumedCapacity += c.CapacityUnits ?? 0;
        settle(all(group, { status: 'written' }));
        break;
      } catch (err) {
        const e = err as { name?: string; message?: string; CancellationReasons?: CancellationReason[] };
        if (e.name === 'TransactionCanceledException') {
          const reasons = e.CancellationReasons ?? [];
          if (!giveUp && reasons.some((r) => RETRY_REASONS.has(r.Code ?? ''))) {
            token = tokenOf(o.tokenSeed, actions, ++attempt); // canceled: nothing applied, a new attempt
            o.onProgress?.({ done, calls: report.calls, retrying: group.ops.length });
            await sleep(backoffDelay(round, opts));
            continue;
          }
          const outcomes = outcomesFromReasons(group.ops, reasons, o.checks?.labels ?? [], o.schemas ?? o.regroup?.schemas);
          await fillServerImages(client, group.ops, outcomes, o.schemas);
          if (unknown && group.ops.every((op) => outcomes[op.id]!.status !== 'conflict' || alreadyApplied(op, serverOf(outcomes[op.id]!)))
            && group.ops.some((op) => outcomes[op.id]!.status === 'conflict')) {
            settle(all(group, { status: 'written' })); // the earlier send was applied
            break;
          }
          if (o.regroup) {
            const again = retryable(group.ops, outcomes);
            // Only when the group loses an operation: a failed condition check cancels them all.
            if (again.length > 0 && again.length < group.ops.length) {
              const planned = atomicGroups(again, o.regroup.schemas, o.regroup.maxActions, o.regroup.maxBytes);
              report.regrouped += planned.groups.length;
              queue.unshift(...planned.groups);
              for (const r of planned.rejected) outcomes[r.id] = { status: 'failed', reason: r.reason };
              for (const op of again) if (outcomes[op.id]?.status === 'canceled') delete outcomes[op.id];
            }
          }
          settle(outcomes);
          break;
        }
        const failure = classifyFailure(err);
        if (failure.kind === 'callWide') {
          settle(all(group, { status: 'paused', reason: failure.label }));
          for (const g of queue.splice(0)) settle(all(g, { status: 'paused', reason: failure.label }));
          break;
        }
        if (!giveUp && (failure.kind === 'network' || failure.kind === 'server' || failure.kind === 'throttle')) {
          if (failure.kind !== 'throttle') {
            report.resent++; // same token: applied at most once
            unknown = true;
          }
          await sleep(backoffDelay(round, opts));
          continue;
        }
        settle(all(group, { status: 'failed', reason: failure.label }));
        break;
      }
    }
  }
  return report;
}

const serverOf = (x: AtomicOutcome) => (x.status === 'conflict' ? x.server : null);

async function fillServerImages(
  client: DynamoDBClient,
  ops: readonly PlanInput[],
  outcomes: Record<string, AtomicOutcome>,
  schemas?: KeySchemasByTable,
): Promise<void> {
  for (const op of ops) {
    const x = outcomes[op.id];
    if (x?.status === 'conflict' && x.server === null) x.server = await serverImage(client, op, schemas);
  }
}

/**
 * The canceled operations that can go again without the ones that failed: a delete whose put
 * (`after`) failed or conflicted is held instead.
 */
function retryable(ops: readonly PlanInput[], outcomes: Record<string, AtomicOutcome>): PlanInput[] {
  const bad = new Set(ops.filter((op) => outcomes[op.id]?.status !== 'canceled').map((op) => op.id));
  // A move's copy does not go without its delete either: the pair stays together.
  const badDeleteOf = new Map(
    ops.filter((op) => op.kind === 'delete' && op.after !== undefined && bad.has(op.id)).map((op) => [op.kind === 'delete' ? op.after! : '', op.id]),
  );
  const out: PlanInput[] = [];
  for (const op of ops) {
    if (bad.has(op.id)) continue;
    const partner = badDeleteOf.get(op.id);
    if (partner !== undefined) {
      outcomes[op.id] = { status: 'canceled', reason: `Not written: the delete it moves with failed: ${reasonOf(outcomes[partner])}` };
      continue;
    }
    if (op.kind === 'delete' && op.after !== undefined && bad.has(op.after)) {
      const copy = ops.find((x) => x.id === op.after);
      outcomes[op.id] = { status: 'held', reason: `held: the copy to ${copy?.table ?? 'the other table'} was not written: ${reasonOf(outcomes[op.after])}` };
      continue;
    }
    out.push(op);
  }
  return out;
}

const reasonOf = (x: AtomicOutcome | undefined) => (x && 'reason' in x ? x.reason : 'unknown');
