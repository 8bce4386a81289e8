import type { FilterOp } from '../../../../../shared/contract/items';
import { ATTR_TYPES, type AttrType } from '../../../../../shared/dynamo/types';
import type { ModelError } from '../../../../../shared/query';
import { NO_VALUE_OPS, type FilterDraft } from './queryDraft';
import { FieldError } from './FieldError';
import { errorsAt } from './fieldErrors';
import { TypedValueInput } from './TypedValueInput';

const OPS: { op: FilterOp; label: string }[] = [
  { op: '=', label: '=' },
  { op: '<>', label: '<>' },
  { op: '<', label: '<' },
  { op: '<=', label: '<=' },
  { op: '>', label: '>' },
  { op: '>=', label: '>=' },
  { op: 'between', label: 'between' },
  { op: 'begins_with', label: 'begins with' },
  { op: 'contains', label: 'contains' },
  { op: 'attribute_exists', label: 'exists' },
  { op: 'attribute_not_exists', label: 'does not exist' },
  { op: 'attribute_type', label: 'is of type' },
];

export interface FilterRowProps {
  index: number;
  filter: FilterDraft;
  errors: ModelError[];
  onChange: (filter: FilterDraft) => void;
  onRemove: () => void;
}

/** One filter condition: an attribute path (nested paths allowed), an operator, typed values. */
export function FilterRow({ index, filter, errors, onChange, onRemove }: FilterRowProps) {
  const n = index + 1;
  const field = `filters.conditions.${index}`;
  const pathErrors = errorsAt(errors, `${field}.path`);
  const valueErrors = (i: number) => errorsAt(errors, `${field}.values.${i}`);
  const setValue = (i: 0 | 1, v: FilterDraft['values'][0]) => {
    const values: FilterDraft['values'] = [...filter.values];
    values[i] = v;
    onChange({ ...filter, values });
  };
  const messages = errorsAt(errors, field);
  return (
    <div className="filter-row" role="group" aria-label={`Filter ${n}`}>
      <input
        aria-label={`Filter ${n} attribute`}
        aria-invalid={pathErrors.length > 0 || undefined}
        className={`filter-path${pathErrors.length > 0 ? ' b-invalid' : ''}`}
        placeholder="attribute, e.g. history[0].by"
        value={filter.path}
        onChange={(e) => onChange({ ...filter, path: e.target.value })}
      />
      <select
        aria-label={`Filter ${n} operator`}
        value={filter.op}
        onChange={(e) => onChange({ ...filter, op: e.target.value as FilterOp })}
      >
        {OPS.map((o) => (
          <option key={o.op} value={o.op}>
            {o.label}
          </option>
        ))}
      </select>
      {filter.op === 'attribute_type' && (
        <select
          aria-label={`Filter ${n} type`}
          value={filter.attrType}
          onChange={(e) => onChange({ ...filter, attrType: e.target.value as AttrType })}
        >
          {ATTR_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      )}
      {!NO_VALUE_OPS.has(filter.op) && (
        <TypedValueInput
          label={`Filter ${n} value`}
          value={filter.values[0]}
          invalid={valueErrors(0).length > 0}
          onChange={(v) => setValue(0, v)}
        />
      )}
      {filter.op === 'between' && (
        <>
          <span className="muted">and</span>
          <TypedValueInput
            label={`Filter ${n} upper value`}
            value={filter.values[1]}
            invalid={valueErrors(1).length > 0}
            onChange={(v) => setValue(1, v)}
          />
        </>
      )}
      <button type="button" className="ghost" aria-label={`Remove filter ${n}`} onClick={onRemove}>
        ×
      </button>
      <FieldError messages={messages} />
    </div>
  );
}
