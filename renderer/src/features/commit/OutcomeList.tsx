import { fmt } from './format';

export interface OutcomeListProps {
  title: string;
  /** Change ids, with the reason of each when there is one. */
  items: readonly { id: string; reason?: string }[];
  labels: Readonly<Record<string, string>>;
  tone?: 'danger' | 'muted';
  /** Open at first (failures are). */
  open?: boolean;
}

const SHOWN = 100;

/** One group of the report (failed, canceled, skipped, resent): the items by label and reason. */
export function OutcomeList({
  title,
  items,
  labels,
  tone = 'muted',
  open = false,
}: OutcomeListProps) {
  if (items.length === 0) return null;
  return (
    <details className={`outcome-list ${tone}`} open={open}>
      <summary>
        {title} <span className="count">{fmt(items.length)}</span>
      </summary>
      {/* It scrolls past a few lines: focusable, so the keyboard can scroll it too. */}
      <ul aria-label={title} tabIndex={0}>
        {items.slice(0, SHOWN).map((i) => (
          <li key={i.id}>
            <span className="mono">{labels[i.id] ?? i.id.replaceAll('\u0000', ' · ')}</span>
            {i.reason && <span className="outcome-reason">{i.reason}</span>}
          </li>
        ))}
        {items.length > SHOWN && <li className="muted">…and {fmt(items.length - SHOWN)} more</li>}
      </ul>
    </details>
  );
}
