import {
  QueryCommand,
  ScanCommand,
  type AttributeValue as SdkValue,
  type ConsumedCapacity,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { QueryModel } from '../../../shared/contract/items';
import type { Item } from '../../../shared/dynamo/types';
import { buildRequest, type BuiltRequest } from '../../../shared/query/build';
import { validateModel } from '../../../shared/query/validate';
import { fromSdkItem, toSdkItem } from '../dynamo/convert';
import { badInput } from './errors';
import { forgetTable, resolveTarget } from './target';

export type SdkItem = Record<string, SdkValue>;

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
  startKey?: SdkItem;
  segment?: { index: number; total: number };
  signal?: AbortSignal;
}

export interface Page {
  items: Item[];
  lastKey?: SdkItem;
  count: number;
  scannedCount: number;
  consumedCapacity: number;
}

/** Capacity units of a response's ConsumedCapacity (one entry or several). */
export function capacityUnits(c: ConsumedCapacity | ConsumedCapacity[] | undefined): number {
  if (!c) return 0;
  const list = Array.isArray(c) ? c : [c];
  return list.reduce((sum, x) => sum + (x.CapacityUnits ?? 0), 0);
}

/** Sends one Query or Scan call and returns its page in wire form. */
export async function readPage(
  client: DynamoDBClient,
  built: BuiltRequest,
  opts: PageOptions = {},
): Promise<Page> {
  const { ExpressionAttributeValues: values, ...rest } = built.params;
  const params = {
    ...rest,
    ...(values ? { ExpressionAttributeValues: toSdkItem(values) } : {}),
    ...(opts.startKey ? { ExclusiveStartKey: opts.startKey } : {}),
    ReturnConsumedCapacity: 'TOTAL' as const,
  };
  const send = { abortSignal: opts.signal };
  try {
    const out =
      built.kind === 'Query'
        ? await client.send(new QueryCommand(params), send)
        : await client.send(
            new ScanCommand({
              ...params,
              ...(opts.segment
                ? { Segment: opts.segment.index, TotalSegments: opts.segment.total }
                : {}),
            }),
            send,
          );
    return {
      items: (out.Items ?? []).map(fromSdkItem),
      ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}),
      count: out.Count ?? 0,
      scannedCount: out.ScannedCount ?? 0,
      consumedCapacity: capacityUnits(out.ConsumedCapacity),
    };
  } catch (err) {
    // A stale description (table recreated, index dropped) shows up as a refused request.
    forgetTable(client, built.params.TableName);
    throw err;
  }
}

/** Wire cursor -> SDK ExclusiveStartKey, and back. */
export function cursorToSdk(cursor: Item | undefined): SdkItem | undefined {
  return cursor ? toSdkItem(cursor) : undefined;
}

export function cursorFromSdk(key: SdkItem | undefined): Item | undefined {
  return key ? fromSdkItem(key) : undefined;
}
