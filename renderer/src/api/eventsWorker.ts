/**
 * The web host's event stream, read and parsed off the page's thread; each event is posted to the
 * page as an object (transport.ts), a page of items packed (packedItems.ts).
 *
 * Why a worker: JSON.parse internalizes every string value of up to 10 characters (V8 keeps them
 * in its string table), so a Load all of 1,000,000 rows put two million ids and numbers there,
 * and every major GC of the page walked that table while the page stood still (~180 ms of a
 * 290 ms pause, scenario 7). The page rebuilds a packed page's items itself, as ordinary strings
 * and objects allocated where they will stay (packedItems.ts).
 */
import { packItems } from './packedItems';
import type { PackedEvent } from './packedEvent';

const scope = self as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

const source = new EventSource('/api/events');
source.onmessage = (m: MessageEvent<string>) => {
  const event = JSON.parse(m.data) as PackedEvent;
  if (event.type === 'items:page' && Array.isArray(event.items)) {
    const packed = packItems(event.items);
    const out: PackedEvent = { ...event, items: [], packed };
    scope.postMessage(out, [packed.attrs.buffer, packed.starts.buffer, packed.kinds.buffer, packed.ends.buffer]);
    return;
  }
  scope.postMessage(event);
};
