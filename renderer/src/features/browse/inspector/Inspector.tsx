import { useMemo, useState } from 'react';
import { dynamoJsonText } from '../../../../../shared/dynamo/dynamoJson';
import { plainJsonText } from '../../../../../shared/dynamo/plainJson';
import { typeOf, type Item } from '../../../../../shared/dynamo/types';
import { ValueTree } from './ValueTree';

type Format = 'dynamo' | 'plain';

export interface InspectorProps {
  item: Item | undefined;
  /** An attribute to show on its own above the whole item. */
  attribute: string | null;
  onClose: () => void;
}

function render(item: Item, format: Format): string {
  return format === 'dynamo' ? dynamoJsonText(item) : plainJsonText(item);
}

/**
 * The selected item, read-only, as DynamoDB JSON or as plain JSON (numbers keep every digit; sets
 * become arrays and binary its base64 text, as plain JSON has neither).
 */
export function Inspector({ item, attribute, onClose }: InspectorProps) {
  const [format, setFormat] = useState<Format>('dynamo');
  const value = item && attribute !== null ? item[attribute] : undefined;
  const whole = useMemo(() => (item ? render(item, format) : ''), [item, format]);
  const part = useMemo(
    () => (value && attribute !== null ? render({ [attribute]: value }, format) : ''),
    [value, attribute, format],
  );
  return (
    <aside className="inspector" aria-label="Inspector">
      <header className="inspector-head">
        <strong>Inspector</strong>
        <div className="b-seg" role="radiogroup" aria-label="Format">
          {(['dynamo', 'plain'] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              aria-checked={format === f}
              tabIndex={format === f ? 0 : -1}
              className={format === f ? 'on' : ''}
              onClick={() => setFormat(f)}
            >
              {f === 'dynamo' ? 'DynamoDB JSON' : 'JSON'}
            </button>
          ))}
        </div>
        <button type="button" className="ghost" aria-label="Close inspector" onClick={onClose}>
          ×
        </button>
      </header>
      {!item ? (
        <p className="muted inspector-empty">Select a row to see its item.</p>
      ) : (
        <div className="inspector-body" tabIndex={0} role="region" aria-label="Inspected item">
          {value && attribute !== null && (
            <section aria-label={`Attribute ${attribute}`}>
              <h4>
                {attribute} <span className="badge">{typeOf(value)}</span>
              </h4>
              <pre className="json">{part}</pre>
            </section>
          )}
          <div className="inspector-views">
            <section aria-label="Item tree">
              <h4>Tree</h4>
              <ValueTree item={item} />
            </section>
            <section aria-label="Item">
              <h4>{value ? 'Whole item' : 'Text'}</h4>
              <pre className="json" data-testid="inspector-json">
                {whole}
              </pre>
            </section>
          </div>
          {format === 'plain' && (
            <p className="muted small">
              Plain JSON has no sets or binary: sets show as arrays, binary as its base64 text.
            </p>
          )}
        </div>
      )}
    </aside>
  );
}
