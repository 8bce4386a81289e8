import type { SortOp } from '../../../../../shared/contract/items';
import type { ModelError } from '../../../../../shared/query';
import type { QueryDraft } from './queryDraft';
import { FieldError } from './FieldError';
import { errorsAt } from './fieldErrors';
import type { Target } from './useQueryModel';

const SORT_OPS: { op: SortOp; label: string }[] = [
  { op: '=', label: '=' },
  { op: '<', label: '<' },
  { op: '<=', label: '<=' },
  { op: '>', label: '>' },
  { op: '>=', label: '>=' },
  { op: 'between', label: 'between' },
  { op: 'begins_with', label: 'begins with' },
];

export interface KeyConditionFieldsProps {
  draft: QueryDraft;
  target: Target;
  errors: ModelError[];
  onChange: (patch: Partial<QueryDraft>) => void;
}

/** The Query's key condition: partition key value, optional sort key condition, order. */
export function KeyConditionFields({ draft, target, errors, onChange }: KeyConditionFieldsProps) {
  const { partitionKey: pk, sortKey: sk } = target.key;
  const pkErrors = errorsAt(errors, 'partitionValue');
  const skErrors = errorsAt(errors, 'sortCondition');
  const lowInvalid = errorsAt(errors, 'sortCondition.values.0').length > 0;
  const highInvalid = errorsAt(errors, 'sortCondition.values.1').length > 0;
  const setSort = (i: 0 | 1, text: string) => {
    const values: [string, string] = [...draft.sortValues];
    values[i] = text;
    onChange({ sortValues: values });
  };
  return (
    <div className="qb-keys">
      <label className="b-field">
        <span className="b-label">
          <code>{pk.name}</code> <span className="badge">{pk.type}</span> =
        </span>
        <input
          aria-label="Partition key value"
          aria-invalid={pkErrors.length > 0 || undefined}
          className={pkErrors.length > 0 ? 'b-invalid' : undefined}
          placeholder={`${pk.name} (required)`}
          value={draft.partition}
          onChange={(e) => onChange({ partition: e.target.value })}
        />
        <FieldError messages={pkErrors} />
      </label>
      {sk && (
        <div className="b-field">
          <span className="b-label">
            <code>{sk.name}</code> <span className="badge">{sk.type}</span>
          </span>
          <select
            aria-label="Sort key condition"
            value={draft.sortOp}
            onChange={(e) => onChange({ sortOp: e.target.value as SortOp | '' })}
          >
            <option value="">any</option>
            {SORT_OPS.map((o) => (
              <option key={o.op} value={o.op}>
                {o.label}
              </option>
            ))}
          </select>
          {draft.sortOp && (
            <input
              aria-label="Sort key value"
              aria-invalid={lowInvalid || undefined}
              className={lowInvalid ? 'b-invalid' : undefined}
              value={draft.sortValues[0]}
              onChange={(e) => setSort(0, e.target.value)}
            />
          )}
          {draft.sortOp === 'between' && (
            <>
              <span className="muted">and</span>
              <input
                aria-label="Sort key upper value"
                aria-invalid={highInvalid || undefined}
                className={highInvalid ? 'b-invalid' : undefined}
                value={draft.sortValues[1]}
                onChange={(e) => setSort(1, e.target.value)}
              />
            </>
          )}
          <FieldError messages={skErrors} />
        </div>
      )}
      <label className="b-check">
        <input
          type="checkbox"
          checked={draft.descending}
          onChange={(e) => onChange({ descending: e.target.checked })}
        />
        Descending
      </label>
    </div>
  );
}
