/** The engine as the bench drives it: planned puts (batch mode) or guarded updates of loaded items. */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { executeCommit } from '../../server/commitEngine/executor';
import type { CommitOptions } from '../../server/commitEngine/types';
import { toSdkItem } from '../../server/sdk/convert';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import type { PlanInput } from '../../shared/plan/types';
import type { Row } from '../support/writers';
import type { Writer } from './figure';

/** Batch mode: every item a put, grouped into BatchWriteItem calls. */
export function engine(
  client: DynamoDBClient,
  schema: KeySchema,
  opts: CommitOptions = {},
): Writer {
  return async (table, data) => {
    const ops: PlanInput[] = data.map((item, i) => ({ id: String(i), table, kind: 'put', item }));
    const report = await executeCommit(client, ops, { [table]: schema }, opts);
    return { failed: report.failed.length + report.canceled.length };
  };
}

export const withStatus = (items: Item[]): Item[] =>
  items.map((i) => ({ ...i, status: { S: 'done' } }));
export const withoutStatus = (item: Item): Item => {
  const rest = { ...item };
  delete rest.status;
  return rest;
};

/** The items as the user loaded them, written straight to the server before the timed run. */
export async function preload(direct: DynamoDBClient, table: string, items: Item[]) {
  for (let i = 0; i < items.length; i += 25) {
    const reqs = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    await direct.send(new BatchWriteItemCommand({ RequestItems: { [table]: reqs } }));
  }
}

/** Guarded mode: each item's update as a conditional UpdateItem, based on its loaded image. */
export function guardedWriter(
  client: DynamoDBClient,
  schema: KeySchema,
  opts: CommitOptions = {},
): Writer {
  return async (table, data) => {
    const ops: PlanInput[] = data.map((item, i) => ({
      id: String(i),
      table,
      kind: 'put',
      item,
      guard: { base: withoutStatus(item) },
    }));
    const report = await executeCommit(client, ops, { [table]: schema }, opts);
    return { failed: report.failed.length + report.canceled.length };
  };
}

export const sdkRows = (items: Item[]) => items.map(toSdkItem) as Row[];
