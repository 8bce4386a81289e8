import type { BackendEvent } from '../../../shared/contract';
import type { ItemsEvent } from '../../../shared/contract/items';
import type { BackendContext } from '../context';

/** Emits an items event. */
export function emitItems(ctx: BackendContext, event: ItemsEvent): void {
  // Until the lead adds itemsEvents to backendEventSchema, BackendEvent does not list these types.
  ctx.emit(event as unknown as BackendEvent);
}
