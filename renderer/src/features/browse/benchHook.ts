/**
 * Dev/benchmark only: with `?bench=1` in the address, `window.__dynostageBench.loadItems(items)`
 * puts items straight into the open table's grid, as a finished load, so bench/grid.ts can feed
 * 100,000 items without a server round trip. Without the parameter nothing is installed.
 */
import type { Item, KeySchema } from '../../../../shared/dynamo/types';
import { useItemsStore, type SlotRef } from '../../stores/itemsStore';

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
      const at = performance.now();
      useItemsStore.getState().replace(ref, keySchema, 'Scan', items);
      return at;
    },
  };
  window.__dynostageBench = hook;
  return () => {
    if (window.__dynostageBench === hook) delete window.__dynostageBench;
  };
}
