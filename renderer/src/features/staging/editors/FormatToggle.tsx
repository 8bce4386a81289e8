import type { JsonFormat } from '../../../../../shared/values/jsonValue';

export interface FormatToggleProps {
  format: JsonFormat;
  onChange(format: JsonFormat): void;
  /** Why switching is not possible now (the text does not parse), if so. */
  disabledReason?: string | null;
}

/** Plain JSON or DynamoDB JSON for a JSON editor. */
export function FormatToggle({ format, onChange, disabledReason }: FormatToggleProps) {
  return (
    <div
      className="segmented"
      role="radiogroup"
      aria-label="JSON format"
      title={disabledReason ?? undefined}
    >
      {(
        [
          ['plain', 'Plain JSON'],
          ['dynamo', 'DynamoDB JSON'],
        ] as const
      ).map(([f, label]) => (
        <button
          key={f}
          type="button"
          role="radio"
          aria-checked={format === f}
          tabIndex={format === f ? 0 : -1}
          disabled={format !== f && !!disabledReason}
          onClick={() => onChange(f)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
