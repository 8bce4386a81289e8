/**
 * Staged PartiQL writes in Atomic mode: ExecuteTransaction, up to 100 statements a transaction, no
 * item twice in one, a ClientRequestToken each. A canceled transaction's CancellationReasons name
 * the statements that failed (reported by themselves); the others were not applied and are sent
 * again in a new transaction without them. TransactionConflict and throttling are retried with
 * backoff; a dropped connection or a 5xx is resent with the same token.
 */
import { randomUUID } from 'node:crypto';
import { ExecuteTransactionCommand } from '@aws-sdk/client-dynamodb';
import type { StagedStatement, StatementOutcome } from '../../shared/contract/partiql';
import { batchStatements } from '../../shared/partiql/batches';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../shared/retry/backoff';
import { classifyFailure } from '../commitEngine/errors';
import type { BackendContext } from '../context';
import { toSdkValue } from '../sdk/convert';
import { itemRef, type CommitSummary } from './commit';
import { partiqlError } from './errors';

/** ExecuteTransaction takes at most 100 statements. */
export const MAX_TRANSACTION_STATEMENTS = 100;
const RETRY_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reason {
  Code?: string;
  Message?: string;
}

/** After the call, every statement has one outcome: written, or failed with its own reason. */
export async function transactStatements(
  connectionId: string,
  statements: readonly StagedStatement[],
  ctx: BackendContext,
  backoff: Partial<BackoffOptions> = {},
): Promise<CommitSummary> {
  const opts = backoffOptions({ ...backoff, maxRounds: backoff.maxRounds ?? 20 });
  const client = await ctx.client(connectionId);
  const outcomes = new Map<string, StatementOutcome>();
  let calls = 0;
  let consumedCapacity = 0;
  const fail = (s: StagedStatement, code: string, message: string) => outcomes.set(s.id, { id: s.id, status: 'failed', code, message });
  const queue = batchStatements(
    statements.map((s) => ({ s, id: s.id, itemRef: itemRef(s) })),
    MAX_TRANSACTION_STATEMENTS,
  );
  while (queue.length > 0) {
    const group = queue.shift()!;
    let token = randomUUID();
    for (let round = 0; ; round++) {
      calls++;
      const last = round + 1 >= opts.maxRounds;
      try {
        const out = await client.send(
          new ExecuteTransactionCommand({
            TransactStatements: group.map(({ s }) => ({
              Statement: s.statement,
              ...(s.parameters.length > 0 ? { Parameters: s.parameters.map(toSdkValue) } : {}),
            })),
            ClientRequestToken: token,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        for (const c of out.ConsumedCapacity ?? []) consumedCapacity += c.CapacityUnits ?? 0;
        for (const { s } of group) outcomes.set(s.id, { id: s.id, status: 'written' });
        break;
      } catch (err) {
        const e = err as { name?: string; CancellationReasons?: Reason[] };
        if (e.name === 'TransactionCanceledException') {
          const reasons = e.CancellationReasons ?? [];
          if (!last && reasons.some((r) => RETRY_REASONS.has(r.Code ?? ''))) {
            token = randomUUID(); // canceled: nothing applied
            await sleep(backoffDelay(round, opts));
            continue;
          }
          const again = group.filter((_, i) => (reasons[i]?.Code ?? 'None') === 'None');
          group.forEach(({ s }, i) => {
            const r = reasons[i];
            if ((r?.Code ?? 'None') !== 'None') fail(s, r!.Code!, r?.Message || r!.Code!);
          });
          // The statements that did not fail go again on their own (none failed: report them all).
          if (again.length > 0 && again.length < group.length) queue.unshift(again);
          else for (const { s } of again) fail(s, 'TransactionCanceled', 'The transaction was canceled without a reason for this statement.');
          break;
        }
        const kind = classifyFailure(err).kind;
        if (!last && (kind === 'throttle' || kind === 'server' || kind === 'network')) {
          await sleep(backoffDelay(round, opts)); // same token: applied at most once
          continue;
        }
        const pe = partiqlError(err, connectionId);
        for (const { s } of group) fail(s, pe.name, pe.message);
        break;
      }
    }
  }
  return { outcomes: statements.map((s) => outcomes.get(s.id)!), calls, consumedCapacity };
}
