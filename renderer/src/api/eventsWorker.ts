/**
 * The web host's event stream, read and parsed off the page's thread; each event is posted to the
 * page as an object (transport.ts), a Load all page in parts with its repeated values shared
 * (pageParts.ts).
 *
 * Why a worker: JSON.parse internalizes every string value of up to 10 characters (V8 keeps them
 * in its string table), so a Load all of 1,000,000 rows put two million ids and numbers there,
 * and every major GC of the page walked that table while the page stood still (~180 ms of a
 * 290 ms pause, scenario 7). An object posted from a worker is rebuilt by the structured clone,
 * whose strings are ordinary ones; rebuilding a page costs the page about what parsing it did.
 */
import { pageMessages } from './pageParts';

const scope = self as unknown as { postMessage(message: unknown): void };

const source = new EventSource('/api/events');
source.onmessage = (m: MessageEvent<string>) => {
  for (const message of pageMessages(JSON.parse(m.data) as { type: string }))
    scope.postMessage(message);
};
