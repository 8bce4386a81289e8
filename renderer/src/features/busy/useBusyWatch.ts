/** Long-running states of the stores, as busy tasks: loads of rows and saving staged changes. */
import { useItemsStore } from '../../stores/itemsStore';
import type { ItemsSlot } from '../../stores/itemsStore';
import { useBusyWhile } from '../../stores/busyStore';
import { selectPersist, useStagingStore } from '../../stores/stagingStore';

function loadLabel(slots: Record<string, ItemsSlot>): string | null {
  const loading = Object.values(slots).filter(
    (s) => s.status === 'loading' || s.status === 'streaming',
  );
  if (loading.length === 0) return null;
  const names = loading.map((s) => s.table).join(', ');
  const items = loading.reduce((n, s) => n + s.items.length, 0);
  return `Loading ${names}…${items > 0 ? ` ${items.toLocaleString('en-US')} items` : ''}`;
}

export function useBusyWatch(): void {
  const load = useItemsStore((s) => loadLabel(s.slots));
  const saving = useStagingStore((s) => selectPersist(s).saving);
  useBusyWhile('load', load);
  useBusyWhile('save', saving ? 'Saving staged changes…' : null);
}
