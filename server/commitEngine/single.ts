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
import type { Item } from '../../shared/dynamo/types';
import type { GuardedCall } from '../../shared/plan/guarded';
import { fromSdkItem } from '../sdk/convert';
import { itemOf, keepErrorItem, rawCapacity, sendRaw } from '../sdk/rawRead';
import { lightSenderFor, noteTarget, type AnswerError, type LightSender } from './lightSend';
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
  const light = lightSenderFor(client);
  if (light) return sendLight(light, client, call);
  const command = commandOf(call);
  noteTarget(client, command);
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
    return readServer(client, call);
  }
}

/** The same call through the light sender (lightSend.ts): same answers, less client CPU. */
async function sendLight(
  light: LightSender,
  client: DynamoDBClient,
  call: GuardedCall,
): Promise<SingleResult> {
  try {
    const out = await light.send(call.command, requestJson(call.input));
    return { kind: 'written', capacity: rawCapacity(out.ConsumedCapacity) };
  } catch (err) {
    const e = err as Partial<AnswerError>;
    if (e.name !== 'ConditionalCheckFailedException') throw err;
    // ALL_OLD's image as JSON.parse gave it (an attribute named __proto__ included).
    const old = itemOf(e.raw?.Item, 'Item');
    if (old) return { kind: 'conflict', server: old, capacity: 1 };
    return readServer(client, call);
  }
}

/** A conflict without the server's image: read it raw (dynamo/rawRead.ts, __proto__ kept). */
async function readServer(client: DynamoDBClient, call: GuardedCall): Promise<SingleResult> {
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
