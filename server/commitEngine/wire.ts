/**
 * Operations <-> BatchWriteItem on the wire. DynoStage's items are already DynamoDB JSON, so the
 * request body is written here, once per operation (a resend reuses the text), and handed to the
 * SDK as it is: converting to the SDK's shapes (binary as bytes) only for its serializer to turn
 * them back into the same JSON cost more client CPU per call than everything else in the engine.
 * The SDK still signs, sends and parses the response.
 */
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { itemId } from '../../shared/changes/identity';
import type { Item } from '../../shared/dynamo/types';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { fromSdkItem } from '../sdk/convert';

const canonicalBase64 = (b: string) => Buffer.from(b, 'base64').toString('base64');

// Only a binary value is a string under "B" or an array under "BS" (attribute values are objects).
function binaryReplacer(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return canonicalBase64(value);
  if (key === 'BS' && Array.isArray(value)) {
    return value.map((b) => (typeof b === 'string' ? canonicalBase64(b) : b));
  }
  return value;
}

/**
 * The JSON text of an item as DynamoDB takes it. Binary is re-encoded as the SDK would (decoded,
 * then encoded as padded base64), so that the bytes written are the same either way.
 */
export function itemJson(item: Item): string {
  const plain = JSON.stringify(item);
  // `"B":"` or `"BS":[` cannot come from inside a string (its quotes would be escaped).
  if (!plain.includes('"B":"') && !plain.includes('"BS":[')) return plain;
  return JSON.stringify(item, binaryReplacer);
}

/** Any request body as JSON text, with binary values re-encoded as in itemJson. */
export function requestJson(input: unknown): string {
  const plain = JSON.stringify(input);
  if (!plain.includes('"B":"') && !plain.includes('"BS":[')) return plain;
  return JSON.stringify(input, binaryReplacer);
}

/**
 * `command`, sent with `body` as its request body. The command's own input must name the same
 * table, so that anything the SDK derives from it (the endpoint parameters) is unchanged.
 */
export function withBody<C extends { middlewareStack: object }>(command: C, body: string): C {
  // Every command's stack takes the same build-step middleware; only its type parameters differ.
  (command as unknown as BatchWriteItemCommand).middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { body?: unknown; headers?: Record<string, string> };
      if (request.headers) {
        for (const h of Object.keys(request.headers)) {
          if (h.toLowerCase() === 'content-length') delete request.headers[h];
        }
        request.headers['content-length'] = String(Buffer.byteLength(body));
        request.body = body;
      }
      return next(args);
    },
    // After serialization, before signing (finalizeRequest): the signature covers this body.
    { step: 'build', name: 'dynostagePreserializedBody', priority: 'high' },
  );
  return command;
}

/** One WriteRequest of a BatchWriteItem body, as JSON text. */
export function writeRequestJson(op: PlanInput): string {
  if (typeof op.table !== 'string') throw new TypeError('table name is not a string');
  return op.kind === 'put'
    ? `{"PutRequest":{"Item":${itemJson(op.item)}}}`
    : `{"DeleteRequest":{"Key":${itemJson(op.key)}}}`;
}

/** The body of a BatchWriteItem call: each table's write requests, ReturnConsumedCapacity TOTAL. */
export function batchWriteBody(byTable: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const [table, reqs] of byTable) parts.push(`${JSON.stringify(table)}:[${reqs.join(',')}]`);
  return `{"RequestItems":{${parts.join(',')}},"ReturnConsumedCapacity":"TOTAL"}`;
}

/**
 * A BatchWriteItemCommand that sends `body` as it is. The command's own input names the same
 * tables (with no requests), so that anything the SDK derives from it, such as the endpoint
 * parameters, is unchanged.
 */
export function preserializedBatchWrite(
  body: string,
  tables: Iterable<string>,
): BatchWriteItemCommand {
  const RequestItems: Record<string, WriteRequest[]> = {};
  for (const t of tables) RequestItems[t] = [];
  const command = new BatchWriteItemCommand({ RequestItems, ReturnConsumedCapacity: 'TOTAL' });
  return withBody(command, body);
}

/** The keyIds (table + canonical key) of the requests DynamoDB handed back unprocessed. */
export function unprocessedKeyIds(
  unprocessed: Record<string, WriteRequest[]> | undefined,
  keySchemas: KeySchemasByTable,
): string[] {
  const out: string[] = [];
  for (const [table, reqs] of Object.entries(unprocessed ?? {})) {
    const schema = keySchemas[table];
    if (!schema) continue;
    for (const r of reqs) {
      const item = r.PutRequest?.Item ?? r.DeleteRequest?.Key;
      if (item) out.push(itemId(table, fromSdkItem(item), schema));
    }
  }
  return out;
}
