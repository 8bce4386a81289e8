/**
 * One page of a Load all. For a host that splices Items into its event stream (the web host,
 * BackendContext.splicesItems), the page is read without building its items: the body DynamoDB
 * sent is checked against the JSON grammar (rawJson.ts), its small members (Count,
 * LastEvaluatedKey...) parsed, and its Items kept as the bytes that came in. They go on to the
 * renderer as they are (itemsEvent.ts sseLine), where one JSON.parse makes them items: every
 * attribute name an own property (`__proto__` too), numbers strings, binary base64, as the parsed
 * path gives. The backend no longer parses and serialises each megabyte. Any other host (Electron,
 * in-process callers) would parse the items anyway: there the body is parsed once, whole
 * (parsedPageOf), without the byte scan before it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/dynamo/types';
import type { BuiltRequest } from '../../shared/query/build';
import { itemOf, itemsOf, rawCapacity, sendRawWith } from '../sdk/rawRead';
import { pageRequest, type PageOptions } from './read';
import { topMembers } from './rawJson';
import { forgetTable } from './target';
import { utf8 } from './itemMember';

export interface RawPage {
  /** The Items list as sent (a JSON array), when it can travel as it is. */
  itemsJson?: Uint8Array;
  /** Where each item lies in itemsJson: [start, end) byte pairs, in order. */
  itemSpans?: Uint32Array;
  /** The items, parsed: when the list held a line break between its tokens. */
  items?: Item[];
  lastKey?: Item;
  count: number;
  scannedCount: number;
  consumedCapacity: number;
}

/** The members of a page other than its Items, from a reader of each member. */
function pageMembers(member: (name: string) => unknown): RawPage {
  const lastKey = itemOf(member('LastEvaluatedKey'), 'a LastEvaluatedKey');
  const count = member('Count');
  const scanned = member('ScannedCount');
  return {
    ...(lastKey ? { lastKey } : {}),
    count: typeof count === 'number' ? count : 0,
    scannedCount: typeof scanned === 'number' ? scanned : 0,
    consumedCapacity: rawCapacity(member('ConsumedCapacity')),
  };
}

/** Reads a page body with one JSON.parse; a SyntaxError when it is not a JSON object. */
export function parsedPageOf(bytes: Uint8Array): RawPage {
  const body: unknown = JSON.parse(utf8(bytes));
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new SyntaxError('not JSON: the page body is not an object');
  }
  const members = body as Record<string, unknown>;
  const member = (name: string): unknown =>
    Object.prototype.hasOwnProperty.call(members, name) ? members[name] : undefined;
  return { ...pageMembers(member), items: itemsOf(member('Items'), 'Items') };
}

/**
 * Reads the members of a page body, keeping its Items as bytes; a SyntaxError when it is not a
 * JSON object.
 */
export function rawPageOf(bytes: Uint8Array): RawPage {
  const elements: number[] = [];
  const spans = topMembers(bytes, elements);
  const member = (name: string): unknown => {
    const s = spans.get(name);
    return s ? JSON.parse(utf8(bytes.subarray(s.start, s.end))) : undefined;
  };
  const page = pageMembers(member);
  const items = spans.get('Items');
  if (!items) return { ...page, items: [] };
  if (bytes[items.start] !== 0x5b) throw new Error('DynamoDB answered Items that is not a list');
  if (items.newline) return { ...page, items: itemsOf(member('Items'), 'Items') };
  const itemsJson = bytes.subarray(items.start, items.end);
  // Spans of another (duplicate) "Items" member, or of one whose name was escaped: not kept.
  const own = elements.length > 0 && elements[0]! > items.start && elements[elements.length - 1]! < items.end;
  if (!own) return { ...page, itemsJson };
  const itemSpans = new Uint32Array(elements.length);
  for (let k = 0; k < elements.length; k++) itemSpans[k] = elements[k]! - items.start;
  return { ...page, itemsJson, itemSpans };
}

/**
 * Sends one Query or Scan call (as read.ts readPage does) and returns its page: its Items unparsed
 * when `keepBytes` (the host splices them, BackendContext.splicesItems), parsed otherwise.
 */
export async function readRawPage(
  client: DynamoDBClient,
  built: BuiltRequest,
  opts: PageOptions & { keepBytes?: boolean } = {},
): Promise<RawPage> {
  const pageOf = opts.keepBytes ? rawPageOf : parsedPageOf;
  const { command, input } = pageRequest(built, opts);
  try {
    // A body that is not JSON is left to the SDK, which reports it; a page whose members are
    // wrong (Items not a list) fails here.
    const read = await sendRawWith(
      client,
      command,
      input,
      (bytes) => {
        try {
          return { page: pageOf(bytes) };
        } catch (err) {
          if (err instanceof SyntaxError) throw err;
          return { error: err };
        }
      },
      opts.signal,
    );
    if ('error' in read) throw read.error;
    return read.page;
  } catch (err) {
    forgetTable(client, built.params.TableName);
    throw err;
  }
}
