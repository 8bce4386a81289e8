import type { ItemsSlot } from '../../../stores/itemsStore';

const n = (x: number) => x.toLocaleString('en-US');
const capacity = (x: number) =>
  Number.isInteger(x) ? n(x) : x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** What the last load did: items, pages, capacity, and whether more can be read. */
export function LoadStatus({ slot }: { slot: ItemsSlot | undefined }) {
  if (!slot || slot.status === 'idle')
    return <span className="load-status muted">Nothing loaded yet.</span>;
  const p = slot.progress;
  const figures = `${n(p.items)} items · ${n(p.pages)} ${p.pages === 1 ? 'page' : 'pages'} · ${capacity(p.consumedCapacity)} RCU`;
  let state: string;
  if (slot.status === 'loading') state = 'Loading…';
  else if (slot.status === 'streaming') state = 'Loading all…';
  else if (slot.status === 'canceled') state = 'Canceled';
  else if (slot.status === 'error') state = 'Failed';
  else if (slot.kind === 'Get') state = 'Read by key';
  else state = slot.cursor ? 'More pages available' : 'All pages read';
  return (
    <span className="load-status" role="status" aria-live="polite" data-testid="load-status">
      <span className={`state state-${slot.status}`}>{state}</span>
      {slot.kind !== 'Get' && <span className="figures">{figures}</span>}
      {p.scannedCount > p.items && slot.kind !== 'Get' && (
        <span className="muted"> ({n(p.scannedCount)} evaluated)</span>
      )}
    </span>
  );
}
