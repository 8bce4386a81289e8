/**
 * Read calls (Query, Scan, GetItem, BatchGetItem) sent and answered as raw DynamoDB JSON. The AWS
 * SDK's (de)serializers build attribute maps with `out[name] = …`, which turns an attribute named
 * `__proto__` into the map's prototype (the attribute is lost, or the call fails). Here the request
 * body is written from DynamoDB JSON (as the commit engine does for writes, commit/wire.ts) and a
 * deserialize-step middleware takes the response body before the SDK parses it: JSON.parse makes
 * every name, `__proto__` included, an own property. Binary stays base64 and numbers strings,
 * which is the wire form of shared/dynamo/types already. The SDK still signs, sends, retries and
 * reports errors as usual.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/dynamo/types';
import { requestJson, withBody } from '../commitEngine/wire';

/** What a successful read answered, as JSON.parse gave it. */
export type RawOutput = Record<string, unknown>;

const EMPTY = new TextEncoder().encode('{}');

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

interface Stack {
  addRelativeTo(
    mw: (next: (a: unknown) => Promise<{ response: unknown }>) => (a: unknown) => Promise<unknown>,
    opts: { relation: 'after'; toMiddleware: string; name: string },
  ): void;
}

/**
 * Sends `command` with `input` as its JSON body and resolves the parsed 2xx response. Error
 * responses (and a 2xx body that is not JSON) are left to the SDK, which throws as it always did.
 */
export async function sendRaw(
  client: DynamoDBClient,
  command: { middlewareStack: object },
  input: unknown,
  abortSignal?: AbortSignal,
): Promise<RawOutput> {
  return sendRawWith(client, command, input, parseObject, abortSignal);
}

function parseObject(bytes: Uint8Array): RawOutput {
  const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new SyntaxError('not an object');
  return value as RawOutput;
}

/**
 * sendRaw with the 2xx body read by `parse` (which throws SyntaxError on a body it refuses: the
 * SDK then reports that body as before).
 */
export async function sendRawWith<T>(
  client: DynamoDBClient,
  command: { middlewareStack: object },
  input: unknown,
  parse: (bytes: Uint8Array) => T,
  abortSignal?: AbortSignal,
): Promise<T> {
  withBody(command, requestJson(input));
  let parsed: T | undefined;
  (command.middlewareStack as Stack).addRelativeTo(
    (next) => async (args) => {
      const out = await next(args);
      const response = out.response as { statusCode?: number; body?: unknown };
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300 && response.body !== undefined) {
        const bytes = await bytesOf(response.body);
        try {
          parsed = parse(bytes);
          // The SDK's deserializer now parses an empty object: its output is not used.
          response.body = EMPTY;
        } catch {
          parsed = undefined;
          response.body = bytes; // the SDK reports the malformed body (and retries it) as before
        }
      }
      return out;
    },
    // Runs inside the SDK's deserializer, on each attempt: the raw response reaches here first.
    { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'dynostageRawResponse' },
  );
  await client.send(command as never, abortSignal ? { abortSignal } : {});
  if (!parsed) throw new Error('DynamoDB answered without a response body');
  return parsed;
}

/** `value` as a list of items (an absent member is an empty list). */
export function itemsOf(value: unknown, what: string): Item[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`DynamoDB answered ${what} that is not a list`);
  return value as Item[];
}

/** `value` as one item or undefined. */
export function itemOf(value: unknown, what: string): Item | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`DynamoDB answered ${what} that is not a map`);
  return value as Item;
}

/** Capacity units of a raw ConsumedCapacity member (one entry or several). */
export function rawCapacity(value: unknown): number {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  let sum = 0;
  for (const c of list as { CapacityUnits?: unknown }[]) {
    if (typeof c?.CapacityUnits === 'number') sum += c.CapacityUnits;
  }
  return sum;
}

/**
 * Keeps the raw body of an error answer to `command` (a ConditionalCheckFailedException with
 * ReturnValuesOnConditionCheckFailure ALL_OLD carries the server's item): the item is taken out
 * before the SDK parses the error, which would drop (or fail on) an attribute named __proto__.
 * Returns the item the last error answer held, if any.
 */
export function keepErrorItem(command: { middlewareStack: object }): () => Item | undefined {
  let item: Item | undefined;
  (command.middlewareStack as Stack).addRelativeTo(
    (next) => async (args) => {
      const out = await next(args);
      const response = out.response as { statusCode?: number; body?: unknown };
      const status = response.statusCode ?? 0;
      if (status >= 400 && status < 500 && response.body !== undefined) {
        const bytes = await bytesOf(response.body);
        response.body = bytes;
        try {
          const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
          if (value && typeof value === 'object' && value.Item !== undefined) {
            item = itemOf(value.Item, 'Item');
            const rest: Record<string, unknown> = {};
            for (const k of Object.keys(value)) if (k !== 'Item') rest[k] = value[k];
            response.body = new TextEncoder().encode(JSON.stringify(rest));
          }
        } catch {
          // Not JSON: the SDK reports it as before.
        }
      }
      return out;
    },
    { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'dynostageRawErrorItem' },
  );
  return () => item;
}
