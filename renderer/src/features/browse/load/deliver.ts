/**
 * Hands a batch of read items to the items store. A large batch into a nearly empty table goes
 * in two steps: the first screenful at once, so rows paint while the rest (a grid row made for
 * every item of it) follows in the next task. Smaller batches go in one step.
 */
import type { Item } from '../../../../../shared/dynamo/types';
import {
  slotKey,
  useItemsStore,
  type LoadProgress,
  type SlotRef,
} from '../../../stores/itemsStore';

const FIRST_STEP = 1_000;
const SPLIT_ABOVE = 5_000;

/** Resolves after the next paint (a task queued from rAF runs after it), or soon if none comes. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    // Hidden pages get no animation frames: do not wait for one forever.
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

/** Hands `items` (with their row ids, `ids`, when made as they arrived) to the items store. */
export function deliverItems(
  ref: SlotRef,
  loadId: string,
  items: readonly Item[],
  progress?: Partial<LoadProgress>,
  ids?: readonly string[],
): Promise<void> {
  const store = useItemsStore.getState();
  const loaded = store.slots[slotKey(ref)]?.items.length ?? 0;
  if (items.length <= SPLIT_ABOVE || loaded >= FIRST_STEP) {
    store.append(ref, loadId, items, progress, ids);
    return Promise.resolve();
  }
  store.append(ref, loadId, items.slice(0, FIRST_STEP), undefined, ids?.slice(0, FIRST_STEP));
  return afterPaint().then(() =>
    useItemsStore
      .getState()
      .append(ref, loadId, items.slice(FIRST_STEP), progress, ids?.slice(FIRST_STEP)),
  );
}
