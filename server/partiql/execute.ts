import { ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';
import type { partiqlChannels } from '../../shared/contract/partiql';
import { describeStatement } from '../../shared/partiql/statement';
import type { BackendContext } from '../context';
import { fromSdkItem, toSdkValue } from '../sdk/convert';
import { badInput } from '../errors';
import { partiqlError } from './errors';

type Execute = (typeof partiqlChannels)['partiql:execute'];

/** One page of a SELECT: ExecuteStatement with the previous page's NextToken. */
export async function executePage(
  input: z.output<Execute['input']>,
  ctx: BackendContext,
): Promise<z.output<Execute['output']>> {
  const info = describeStatement(input.statement);
  if (info.kind !== 'SELECT') {
    throw badInput(
      info.kind === 'UNKNOWN'
        ? 'Only SELECT, INSERT, UPDATE and DELETE statements can be used here.'
        : `${info.kind} statements are staged (partiql:stage) and committed from the review, not run straight away.`,
    );
  }
  const parameters = input.parameters ?? [];
  if (parameters.length !== info.placeholders) {
    throw badInput(`The statement has ${info.placeholders} ? placeholder(s) but ${parameters.length} parameter(s) were given.`);
  }
  const client = await ctx.client(input.connectionId);
  try {
    const out = await client.send(
      new ExecuteStatementCommand({
        Statement: input.statement,
        ...(parameters.length > 0 ? { Parameters: parameters.map(toSdkValue) } : {}),
        ...(input.consistentRead ? { ConsistentRead: true } : {}),
        ...(input.nextToken ? { NextToken: input.nextToken } : {}),
        ...(input.limit ? { Limit: input.limit } : {}),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return {
      items: (out.Items ?? []).map(fromSdkItem),
      ...(out.NextToken ? { nextToken: out.NextToken } : {}),
      consumedCapacity: out.ConsumedCapacity?.CapacityUnits ?? 0,
    };
  } catch (err) {
    throw partiqlError(err, input.connectionId);
  }
}
