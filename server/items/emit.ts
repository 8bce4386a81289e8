import type { ItemsEvent } from '../../shared/contract/items';
import type { BackendContext } from '../context';

/** Emits an items event. */
export function emitItems(ctx: BackendContext, event: ItemsEvent): void {
  ctx.emit(event);
}
