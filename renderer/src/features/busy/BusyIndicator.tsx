import { selectBusyVisible, useBusyStore } from '../../stores/busyStore';
import { useBusyWatch } from './useBusyWatch';
import './busy.css';

/**
 * The app-wide busy indicator: an indeterminate progress bar named by what is running, shown
 * only for work that has lasted over 300 ms (loads, saves, imports, exports, the review's plan).
 */
export function BusyIndicator() {
  useBusyWatch();
  const visible = useBusyStore(selectBusyVisible);
  const label = visible.map((t) => t.label).join(' · ');
  return (
    <div className="busy-indicator" role="status" aria-live="polite" aria-busy={visible.length > 0}>
      {visible.length > 0 && (
        <>
          <progress aria-label={label} />
          <span className="busy-label">{label}</span>
        </>
      )}
    </div>
  );
}
