import { SCALAR_TYPES, type ValueDraft } from './queryDraft';

export interface TypedValueInputProps {
  label: string;
  value: ValueDraft;
  invalid: boolean;
  onChange: (value: ValueDraft) => void;
}

const PLACEHOLDER = { S: 'text', N: 'number', B: 'base64' } as const;

/** A filter value with its type: S, N, B as text, BOOL as true/false, NULL without a value. */
export function TypedValueInput({ label, value, invalid, onChange }: TypedValueInputProps) {
  return (
    <span className="typed-value">
      <select
        aria-label={`${label} type`}
        value={value.type}
        onChange={(e) => {
          const type = e.target.value as ValueDraft['type'];
          onChange({
            type,
            text: type === 'BOOL' ? 'true' : value.type === 'BOOL' ? '' : value.text,
          });
        }}
      >
        {SCALAR_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      {value.type === 'BOOL' ? (
        <select
          aria-label={label}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        >
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : value.type === 'NULL' ? (
        <span className="muted null-value">null</span>
      ) : (
        <input
          aria-label={label}
          aria-invalid={invalid || undefined}
          className={invalid ? 'b-invalid' : undefined}
          placeholder={PLACEHOLDER[value.type]}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
      )}
    </span>
  );
}
