import { QueryCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { QueryModel } from '../../shared/contract/items';
import type { Item } from '../../shared/dynamo/types';
import { buildRequest, type BuiltRequest } from '../../shared/query/build';
import { validateModel } from '../../shared/query/validate';
import { itemOf, itemsOf, rawCapacity, sendRaw } from '../sdk/rawRead';
import { badInput } from '../errors';
import { forgetTable, resolveTarget } from './target';

/** Resolves the model's target, validates the model against it and builds the request. */
export async function prepareRequest(
  client: DynamoDBClient,
  model: QueryModel,
): Promise<BuiltRequest> {
  const target = await resolveTarget(client, model.table, model.index);
  const errors = validateModel(model, target.key, target.indexKind ?? false);
  if (errors.length > 0) {
    throw badInput(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
  return buildRequest(model, target.key, { tableKey: target.tableKey });
}

export interface PageOptions {
  startKey?: Item;
  segment?: { index: number; total: number };
  signal?: AbortSignal;
}

export interface Page {
  items: Item[];
  lastKey?: Item;
  count: number;
  scannedCount: number;
  consumedCapacity: number;
}

/** The Query or Scan command and its raw input for one page. */
export function pageRequest(built: BuiltRequest, opts: PageOptions) {
  const input = {
    ...built.params,
    ...(opts.startKey ? { ExclusiveStartKey: opts.startKey } : {}),
    ...(built.kind === 'Scan' && opts.segment
      ? { Segment: opts.segment.index, TotalSegments: opts.segment.total }
      : {}),
    ReturnConsumedCapacity: 'TOTAL' as const,
  };
  const TableName = built.params.TableName;
  const command =
    built.kind === 'Query' ? new QueryCommand({ TableName }) : new ScanCommand({ TableName });
  return { command, input };
}

/**
 * Sends one Query or Scan call and returns its page in wire form. Request and response travel as
 * raw DynamoDB JSON (see dynamo/rawRead.ts), so that any attribute name survives.
 */
export async function readPage(
  client: DynamoDBClient,
  built: BuiltRequest,
  opts: PageOptions = {},
): Promise<Page> {
  const { command, input } = pageRequest(built, opts);
  try {
    const out = await sendRaw(client, command, input, opts.signal);
    const lastKey = itemOf(out.LastEvaluatedKey, 'a LastEvaluatedKey');
    return {
      items: itemsOf(out.Items, 'Items'),
      ...(lastKey ? { lastKey } : {}),
      count: typeof out.Count === 'number' ? out.Count : 0,
      scannedCount: typeof out.ScannedCount === 'number' ? out.ScannedCount : 0,
      consumedCapacity: rawCapacity(out.ConsumedCapacity),
    };
  } catch (err) {
    // A stale description (table recreated, index dropped) shows up as a refused request.
    forgetTable(client, built.params.TableName);
    throw err;
  }
}
