/**
 * A Load all page posted from the events worker to the page in parts. The page's thread rebuilds
 * each posted message in one task; a page of 3,300 narrow rows rebuilt at once was one task
 * allocating ~20,000 objects, and when a major GC was marking, V8 marked in proportion inside it
 * (one such task took 300-700 ms near the end of a 1,000,000-row load). In parts of PART_ITEMS the
 * tasks stay short and frames are drawn between them. Each part's repeated values are shared
 * (shareValues.ts): a structured clone keeps objects shared only within one message.
 */
import { shareRepeatedValues } from '../../../shared/dynamo/shareValues';
import type { Item } from '../../../shared/dynamo/types';

export const PART_ITEMS = 1_000;

/** A leading part of a page; the page's own event follows with the rest of its items. */
export interface PagePart {
  type: 'items:part';
  items: Item[];
}

interface WithItems {
  type: string;
  items?: unknown;
}

const isPage = (e: WithItems): e is WithItems & { items: Item[] } =>
  e.type === 'items:page' && Array.isArray(e.items);

/**
 * The messages to post for `event`: for an items:page event, parts of at most `size` items (values
 * shared within each), the last part in the event itself; any other event as it is.
 */
export function pageMessages<E extends WithItems>(event: E, size = PART_ITEMS): (E | PagePart)[] {
  if (!isPage(event)) return [event];
  const parts: Item[][] = [];
  for (let from = 0; from < event.items.length || parts.length === 0; from += size) {
    const part = event.items.slice(from, from + size);
    shareRepeatedValues(part);
    parts.push(part);
  }
  const last = parts.pop() as Item[];
  return [
    ...parts.map((items): PagePart => ({ type: 'items:part', items })),
    { ...event, items: last },
  ];
}

/**
 * Joins posted messages back into events: parts are held until their page's event comes, which
 * then carries all of the page's items in order. Returns the event to deliver, or null for a part.
 */
export function pageJoiner<E extends WithItems>(): (message: E | PagePart) => E | null {
  let held: Item[][] = [];
  return (message) => {
    if (message.type === 'items:part') {
      held.push((message as PagePart).items);
      return null;
    }
    const event = message as E;
    if (held.length === 0 || !isPage(event)) return event;
    const items = ([] as Item[]).concat(...held, event.items);
    held = [];
    return { ...event, items };
  };
}
