import type { ModelError } from '../../../../../shared/query';
import { newFilter, type QueryDraft } from './queryDraft';
import { FilterRow } from './FilterRow';

export interface FilterListProps {
  draft: QueryDraft;
  errors: ModelError[];
  onChange: (patch: Partial<QueryDraft>) => void;
}

/** The filter conditions, joined with AND or OR. */
export function FilterList({ draft, errors, onChange }: FilterListProps) {
  const { filters } = draft;
  return (
    <div className="qb-filters">
      {filters.length > 1 && (
        <label className="b-field">
          <span className="b-label">Match</span>
          <select
            aria-label="Combine filters with"
            value={draft.join}
            onChange={(e) => onChange({ join: e.target.value as 'AND' | 'OR' })}
          >
            <option value="AND">all filters (AND)</option>
            <option value="OR">any filter (OR)</option>
          </select>
        </label>
      )}
      {filters.map((f, i) => (
        <FilterRow
          key={f.id}
          index={i}
          filter={f}
          errors={errors}
          onChange={(next) => onChange({ filters: filters.map((x) => (x.id === f.id ? next : x)) })}
          onRemove={() => onChange({ filters: filters.filter((x) => x.id !== f.id) })}
        />
      ))}
      <button type="button" onClick={() => onChange({ filters: [...filters, newFilter()] })}>
        + Add filter
      </button>
    </div>
  );
}
