/** An event as the events worker posts it: a page of items packed (packedItems.ts). */
import type { BackendEvent } from '../../../shared/contract';
import { unpackItems, type PackedItems } from './packedItems';

export type PackedEvent = BackendEvent & { packed?: PackedItems };

/** The event with its page's items rebuilt in the page, as the backend sent them. */
export function unpackEvent(e: PackedEvent): BackendEvent {
  if (!e.packed || e.type !== 'items:page') return e;
  const { packed, ...event } = e;
  return { ...event, items: unpackItems(packed) };
}
