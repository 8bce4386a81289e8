/**
 * Commits staged PartiQL writes: BatchExecuteStatement, 25 statements a call, no item twice in a
 * call. Each statement has its own answer: one bad statement is reported by itself and the others
 * are written. Throttled statements (or calls) are resent with backoff; nothing else is retried,
 * because an INSERT resent after it was applied would fail as a duplicate.
 */
import { BatchExecuteStatementCommand, type BatchStatementResponse } from '@aws-sdk/client-dynamodb';
import type { StagedStatement, StatementOutcome } from '../../shared/contract/partiql';
import { itemIdOf, rowIdOfKey } from '../../shared/changes/identity';
import { batchStatements } from '../../shared/partiql/batches';
import { backoffDelay, backoffOptions, type BackoffOptions } from '../../shared/retry/backoff';
import type { BackendContext } from '../context';
import { toSdkValue } from '../sdk/convert';
import { partiqlError } from './errors';

const RETRY_CODES = new Set([
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
  'TransactionConflict',
  'InternalServerError',
]);
const RETRY_CALL = /^(ProvisionedThroughputExceeded|Throttling|RequestLimitExceeded|InternalServerError)/;

export interface CommitSummary {
  outcomes: StatementOutcome[];
  calls: number;
  consumedCapacity: number;
}

/** `table` + the item's key in normal form, or undefined when the statement's item is unknown. */
export function itemRef(s: Pick<StagedStatement, 'table' | 'key'>): string | undefined {
  return s.key ? itemIdOf(s.table, rowIdOfKey(s.key)) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** After the call, every statement has one outcome: written, or failed with the service's reason. */
export async function commitStatements(
  connectionId: string,
  statements: readonly StagedStatement[],
  ctx: BackendContext,
  backoff: Partial<BackoffOptions> = {},
): Promise<CommitSummary> {
  const opts = backoffOptions(backoff);
  const client = await ctx.client(connectionId);
  const outcomes = new Map<string, StatementOutcome>();
  let calls = 0;
  let consumedCapacity = 0;
  let pending = statements.map((s) => ({ s, id: s.id, itemRef: itemRef(s) }));
  for (let round = 0; pending.length > 0; round++) {
    const again: typeof pending = [];
    for (const call of batchStatements(pending)) {
      calls++;
      let responses: BatchStatementResponse[];
      try {
        const out = await client.send(
          new BatchExecuteStatementCommand({
            Statements: call.map(({ s }) => ({
              Statement: s.statement,
              ...(s.parameters.length > 0 ? { Parameters: s.parameters.map(toSdkValue) } : {}),
            })),
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        responses = out.Responses ?? [];
        for (const c of out.ConsumedCapacity ?? []) consumedCapacity += c.CapacityUnits ?? 0;
      } catch (err) {
        const e = partiqlError(err, connectionId);
        if (RETRY_CALL.test(e.name) && round + 1 < opts.maxRounds) again.push(...call);
        else for (const { id } of call) outcomes.set(id, { id, status: 'failed', code: e.name, message: e.message });
        continue;
      }
      call.forEach((entry, i) => {
        const error = responses[i]?.Error;
        if (!error) outcomes.set(entry.id, { id: entry.id, status: 'written' });
        else if (RETRY_CODES.has(error.Code ?? '') && round + 1 < opts.maxRounds) again.push(entry);
        else
          outcomes.set(entry.id, {
            id: entry.id,
            status: 'failed',
            code: error.Code ?? 'Error',
            message: error.Message || error.Code || 'The statement failed.',
          });
      });
    }
    pending = again;
    if (pending.length > 0) await sleep(backoffDelay(round, opts));
  }
  return { outcomes: statements.map((s) => outcomes.get(s.id)!), calls, consumedCapacity };
}
