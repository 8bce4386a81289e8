import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { reasonText, type BulkKind, type LeftOutReason } from '../../../../../shared/staging/bulkScope';
import { keyText } from '../../../../../shared/staging/describeKey';

/** Rows a bulk dialog leaves out for one reason, as their images (for their keys). */
export interface LeftOutItems {
  reason: LeftOutReason;
  items: readonly Item[];
}

export interface ScopeSummaryProps {
  kind: BulkKind;
  /** "deletes", "moves": what happens to the rows acted on. */
  verb: string;
  items: readonly Item[];
  leftOut: readonly LeftOutItems[];
  keySchema: KeySchema;
}

const SHOWN = 5;
const fmt = (n: number) => n.toLocaleString('en-US');
const plural = (n: number) => `${fmt(n)} ${n === 1 ? 'item' : 'items'}`;

function Keys({ items, keySchema }: { items: readonly Item[]; keySchema: KeySchema }) {
  return (
    <>
      {items.slice(0, SHOWN).map((item, i) => (
        <span key={i} className="mono scope-key">
          {keyText(item, keySchema)}
        </span>
      ))}
      {items.length > SHOWN && <span className="muted">and {fmt(items.length - SHOWN)} more</span>}
    </>
  );
}

/**
 * What a bulk action on the selection acts on and what it leaves out, each with its count first:
 * the rows it touches are exactly the ones named here.
 */
export function ScopeSummary({ kind, verb, items, leftOut, keySchema }: ScopeSummaryProps) {
  const out = leftOut.reduce((n, l) => n + l.items.length, 0);
  return (
    <section className="scope-summary" aria-label="Rows this acts on">
      <p data-testid="scope-acts">
        <strong>{plural(items.length)}</strong> {verb}
        {items.length > 0 ? ': ' : '.'}
        <Keys items={items} keySchema={keySchema} />
      </p>
      {out > 0 && (
        <div className="scope-left-out" data-testid="scope-left-out">
          <p>
            <strong>{plural(out)}</strong> of the selection left out:
          </p>
          <ul>
            {leftOut.map((l) => (
              <li key={l.reason}>
                <strong>{fmt(l.items.length)}</strong> {reasonText(l.reason, kind, l.items.length)}:{' '}
                <Keys items={l.items} keySchema={keySchema} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
