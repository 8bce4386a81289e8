/**
 * items:page events whose items are still the bytes DynamoDB sent (rawPage.ts). The event's
 * `items` is a getter that parses them on first read, so every host sees an ordinary event (the
 * Electron host's structured clone reads it, repeated values shared); the web host asks
 * `ssePieces` instead, which writes the bytes into the event's line unparsed.
 */
import type { ItemsEvent } from '../../shared/contract/items';
import type { Item } from '../../shared/dynamo/types';
import { shareRepeatedValues } from '../../shared/dynamo/shareValues';

type PageEvent = Extract<ItemsEvent, { type: 'items:page' }>;

const RAW = Symbol('rawItems');

interface RawHolder {
  [RAW]?: Uint8Array;
}

/** An items:page event with `json` (a JSON array of items) as its items, parsed when read. */
export function rawItemsEvent(fields: Omit<PageEvent, 'items'>, json: Uint8Array): PageEvent {
  const event = { ...fields } as PageEvent & RawHolder;
  let items: Item[] | undefined;
  Object.defineProperty(event, RAW, { value: json, enumerable: false });
  Object.defineProperty(event, 'items', {
    enumerable: true,
    get: () => {
      if (!items) {
        const text = Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
        items = JSON.parse(text) as Item[];
        // The Electron host's structured clone carries each shared value once (shareValues.ts).
        shareRepeatedValues(items);
      }
      return items;
    },
  });
  return event;
}

/** The unparsed items of an event made by rawItemsEvent. */
export function rawItemsOf(event: object): Uint8Array | undefined {
  return (event as RawHolder)[RAW];
}

/**
 * The server-sent-events line of `event` (`data: <JSON>` and a blank line) in the pieces to write:
 * for a page of unparsed items, the text before them, their bytes as they came, and the end. The
 * bytes are written, not copied into one buffer first: a Load all of 100,000 1 KB rows made
 * 100 MB of such copies (the host's full GCs during a load stayed as many without them).
 */
export function ssePieces(event: object): string | Uint8Array[] {
  const raw = rawItemsOf(event);
  if (!raw) return `data: ${JSON.stringify(event)}\n\n`;
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(event)) {
    if (k !== 'items') rest[k] = (event as Record<string, unknown>)[k];
  }
  const head = JSON.stringify(rest).slice(0, -1); // without its closing brace
  const sep = head.length > 1 ? ',' : '';
  return [Buffer.from(`data: ${head}${sep}"items":`), raw, Buffer.from('}\n\n')];
}

/** The line of ssePieces(event) in one piece. */
export function sseLine(event: object): string | Buffer {
  const pieces = ssePieces(event);
  return typeof pieces === 'string' ? pieces : Buffer.concat(pieces);
}
