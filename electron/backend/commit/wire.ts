/** Operations <-> the SDK's BatchWriteItem shapes. */
import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import { tableItemId } from '../../../shared/dynamo/key';
import type { KeySchemas, PlanInput } from '../../../shared/plan/types';
import { fromSdkItem, toSdkItem } from '../dynamo/convert';

export function toSdkWriteRequest(op: PlanInput): WriteRequest {
  return op.kind === 'put'
    ? { PutRequest: { Item: toSdkItem(op.item) } }
    : { DeleteRequest: { Key: toSdkItem(op.key) } };
}

/** The keyIds (table + canonical key) of the requests DynamoDB handed back unprocessed. */
export function unprocessedKeyIds(
  unprocessed: Record<string, WriteRequest[]> | undefined,
  keySchemas: KeySchemas,
): string[] {
  const out: string[] = [];
  for (const [table, reqs] of Object.entries(unprocessed ?? {})) {
    const schema = keySchemas[table];
    if (!schema) continue;
    for (const r of reqs) {
      const item = r.PutRequest?.Item ?? r.DeleteRequest?.Key;
      if (item) out.push(tableItemId(table, fromSdkItem(item), schema));
    }
  }
  return out;
}
