import { TYPE_LABELS } from '../../../../../shared/dynamo/types';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { keyAttributes, parseKeyValue } from '../../../../../shared/values/keyFields';

export interface KeyFieldsProps {
  keySchema: KeySchema;
  values: Readonly<Record<string, string>>;
  onChange(values: Record<string, string>): void;
  onSubmit?(): void;
  /** Show each field's problem (after a first attempt). */
  showErrors?: boolean;
  /** Prefix for the field labels, e.g. "New". */
  labelPrefix?: string;
}

/** One input per key attribute, labelled with its role and type, checked as that type. */
export function KeyFields({
  keySchema,
  values,
  onChange,
  onSubmit,
  showErrors,
  labelPrefix,
}: KeyFieldsProps) {
  return (
    <div className="key-fields">
      {keyAttributes(keySchema).map((attr, i) => {
        const text = values[attr.name] ?? '';
        const parsed = parseKeyValue(attr, text);
        const role = i === 0 ? 'partition key' : 'sort key';
        return (
          <label key={attr.name} className="field">
            <span className="label">
              {labelPrefix ? `${labelPrefix} ` : ''}
              {attr.name}{' '}
              <span className="muted">
                ({role}, {TYPE_LABELS[attr.type]})
              </span>
            </span>
            <input
              aria-label={`${labelPrefix ? `${labelPrefix} ` : ''}${attr.name}`}
              className={attr.type === 'S' ? '' : 'mono'}
              autoFocus={i === 0}
              value={text}
              aria-invalid={showErrors && !parsed.ok}
              onChange={(e) => onChange({ ...values, [attr.name]: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && onSubmit) {
                  e.preventDefault();
                  onSubmit();
                }
              }}
            />
            {showErrors && !parsed.ok && <span className="field-error">{parsed.error}</span>}
          </label>
        );
      })}
    </div>
  );
}
