import { useId } from 'react';
import { ATTR_TYPES, TYPE_LABELS } from '../../../../../shared/dynamo/types';

export interface BulkForm {
  kind: 'set' | 'remove' | 'rename' | 'replace';
  name: string;
  valueType: string;
  valueText: string;
  to: string;
  overwrite: boolean;
  find: string;
  replace: string;
  matchCase: boolean;
}

const KINDS: [BulkForm['kind'], string][] = [
  ['set', 'Set an attribute'],
  ['remove', 'Remove an attribute'],
  ['rename', 'Rename an attribute'],
  ['replace', 'Find and replace in a string'],
];

const HINTS: Partial<Record<string, string>> = {
  SS: 'members separated by commas, or a JSON array',
  NS: 'numbers separated by commas, or a JSON array',
  BS: 'base64 values separated by commas',
  M: 'JSON object (plain or DynamoDB JSON)',
  L: 'JSON array (plain) or {"L": [...]}',
  B: 'base64, or hex with 0x',
  BOOL: 'true or false',
};

export interface BulkOpFieldsProps {
  form: BulkForm;
  onChange(form: BulkForm): void;
  /** Attribute names seen in the items, offered as suggestions. */
  names: readonly string[];
}

/** The fields of one bulk operation. */
export function BulkOpFields({ form, onChange, names }: BulkOpFieldsProps) {
  const listId = useId();
  const set = (patch: Partial<BulkForm>) => onChange({ ...form, ...patch });
  const text = (
    label: string,
    key: 'name' | 'to' | 'find' | 'replace' | 'valueText',
    list = false,
  ) => (
    <label className="field">
      <span className="label">{label}</span>
      <input
        aria-label={label}
        list={list ? listId : undefined}
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </label>
  );
  return (
    <div className="stack">
      <datalist id={listId}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <div className="segmented" role="radiogroup" aria-label="Operation">
        {KINDS.map(([k, label]) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={form.kind === k}
            tabIndex={form.kind === k ? 0 : -1}
            onClick={() => set({ kind: k })}
          >
            {label}
          </button>
        ))}
      </div>
      {text(form.kind === 'rename' ? 'Rename' : 'Attribute', 'name', true)}
      {form.kind === 'set' && (
        <div className="row">
          <label className="field">
            <span className="label">Type</span>
            <select
              aria-label="Value type"
              value={form.valueType}
              onChange={(e) => set({ valueType: e.target.value })}
            >
              {ATTR_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t} · {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span className="label">
              Value{' '}
              {HINTS[form.valueType] ? (
                <span className="muted">({HINTS[form.valueType]})</span>
              ) : null}
            </span>
            <input
              aria-label="Value"
              className="mono"
              value={form.valueText}
              onChange={(e) => set({ valueText: e.target.value })}
            />
          </label>
        </div>
      )}
      {form.kind === 'rename' && (
        <>
          {text('To', 'to')}
          <label className="check">
            <input
              type="checkbox"
              checked={form.overwrite}
              onChange={(e) => set({ overwrite: e.target.checked })}
            />
            Overwrite where the item already has the new name
          </label>
        </>
      )}
      {form.kind === 'replace' && (
        <>
          {text('Find', 'find')}
          {text('Replace with', 'replace')}
          <label className="check">
            <input
              type="checkbox"
              checked={form.matchCase}
              onChange={(e) => set({ matchCase: e.target.checked })}
            />
            Match case
          </label>
        </>
      )}
    </div>
  );
}
