/**
 * Dev/benchmark only: with `?bench=1` in the address, `window.__dynostageBench.loadItems(items)`
 * puts items straight into the open table's grid, the way Load all's pages arrive, so bench/grid.ts can feed
 * 100,000 items without a server round trip. Without the parameter nothing is installed.
 */
import type { Item, KeySchema } from '../../../../shared/dynamo/types';
import { useItemsStore, type SlotRef } from '../../stores/itemsStore';
import { deliverItems } from './load/deliver';

export interface BenchHook {
  /** Loads the items; returns performance.now() taken just before the store got them. */
  loadItems(items: Item[]): number;
  table: string;
}

declare global {
  interface Window {
    __dynostageBench?: BenchHook;
  }
}

export function benchEnabled(): boolean {
  return new URLSearchParams(window.location.search).get('bench') === '1';
}

/** Installs the hook for the open table; returns its uninstaller. */
export function installBenchHook(ref: SlotRef, keySchema: KeySchema): () => void {
  if (!benchEnabled()) return () => undefined;
  const hook: BenchHook = {
    table: ref.table,
    loadItems(items) {
      // The path a Load all takes when its buffered pages reach the store.
      const at = performance.now();
      const store = useItemsStore.getState();
      const loadId = `bench-${at}`;
      store.begin(ref, { keySchema, kind: 'Scan', status: 'streaming', loadId });
      const progress = {
        items: items.length,
        pages: 1,
        scannedCount: items.length,
        consumedCapacity: 0,
      };
      void deliverItems(ref, loadId, items, progress).then(() =>
        useItemsStore.getState().finish(ref, loadId, { status: 'done' }),
      );
      return at;
    },
  };
  window.__dynostageBench = hook;
  return () => {
    if (window.__dynostageBench === hook) delete window.__dynostageBench;
  };
}
