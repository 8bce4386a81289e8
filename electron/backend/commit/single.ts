/**
 * Sending one guarded call (UpdateItem, PutItem or DeleteItem with its condition). The request
 * body is written here from DynamoDB JSON, as for BatchWriteItem (see wire.ts), so that any
 * attribute name (`__proto__` included) and every value travel exactly as staged.
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue as SdkValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Item } from '../../../shared/dynamo/types';
import type { GuardedCall } from '../../../shared/plan/guarded';
import { fromSdkItem } from '../dynamo/convert';
import { itemOf, keepErrorItem, sendRaw } from '../dynamo/rawRead';
import { requestJson, withBody } from './wire';

export type SingleResult =
  | { kind: 'written'; capacity: number }
  | { kind: 'conflict'; server: Item | null; capacity: number };

function commandOf(call: GuardedCall) {
  const t = { TableName: call.input.TableName };
  if (call.command === 'UpdateItem') return new UpdateItemCommand({ ...t, Key: {} });
  if (call.command === 'PutItem') return new PutItemCommand({ ...t, Item: {} });
  return new DeleteItemCommand({ ...t, Key: {} });
}

interface ConditionFailure {
  name?: string;
  Item?: Record<string, SdkValue>;
}

/**
 * Sends the call. Resolves written, or conflict (ConditionalCheckFailedException: never retried)
 * with the server's image (from ALL_OLD, else read consistently); rejects on any other failure.
 */
export async function sendGuarded(
  client: DynamoDBClient,
  call: GuardedCall,
): Promise<SingleResult> {
  const command = commandOf(call);
  withBody(command, requestJson(call.input));
  const errorItem = keepErrorItem(command);
  try {
    const out = (await client.send(command as UpdateItemCommand)) as {
      ConsumedCapacity?: { CapacityUnits?: number };
    };
    return { kind: 'written', capacity: out.ConsumedCapacity?.CapacityUnits ?? 0 };
  } catch (err) {
    const e = err as ConditionFailure;
    if (e.name !== 'ConditionalCheckFailedException') throw err;
    // A failed condition still costs a write unit (1 for a missing item).
    // ALL_OLD's image, taken raw before the SDK parsed the error (rawRead.ts keepErrorItem).
    const old = errorItem();
    if (old) return { kind: 'conflict', server: old, capacity: 1 };
    if (e.Item) return { kind: 'conflict', server: fromSdkItem(e.Item), capacity: 1 };
    // Read raw (dynamo/rawRead.ts), so that an attribute named __proto__ is in the server's image.
    const got = await sendRaw(
      client,
      new GetItemCommand({ TableName: call.input.TableName, Key: {} }),
      {
        TableName: call.input.TableName,
        Key: call.key,
        ConsistentRead: true,
      },
    ).catch(() => null);
    return { kind: 'conflict', server: itemOf(got?.Item, 'Item') ?? null, capacity: 1 };
  }
}
