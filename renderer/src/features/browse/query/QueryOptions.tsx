import type { ModelError } from '../../../../../shared/query';
import type { QueryDraft } from './queryDraft';
import { FieldError } from './FieldError';
import { errorsAt } from './fieldErrors';
import type { Target } from './useQueryModel';

export interface QueryOptionsProps {
  draft: QueryDraft;
  target: Target;
  errors: ModelError[];
  onChange: (patch: Partial<QueryDraft>) => void;
}

/** Projection, consistent read (not on a GSI), page size and parallel Scan segments. */
export function QueryOptions({ draft, target, errors, onChange }: QueryOptionsProps) {
  const gsi = target.kind === 'GSI';
  const projectionErrors = errorsAt(errors, 'projection');
  return (
    <div className="qb-options">
      <label className="b-field b-grow">
        <span className="b-label">Attributes</span>
        <input
          aria-label="Attributes to return"
          placeholder="all (or: subject, history[0].by, …)"
          className={projectionErrors.length > 0 ? 'b-invalid' : undefined}
          value={draft.projection}
          onChange={(e) => onChange({ projection: e.target.value })}
        />
        <FieldError messages={projectionErrors} />
      </label>
      <label
        className="b-check"
        title={
          gsi ? 'Global secondary indexes only support eventually consistent reads' : undefined
        }
      >
        <input
          type="checkbox"
          disabled={gsi}
          checked={draft.consistentRead && !gsi}
          onChange={(e) => onChange({ consistentRead: e.target.checked })}
        />
        Consistent read
      </label>
      <label className="b-field" title="Items per Run and Load more (empty: DynamoDB's pages of up to 1 MB). Load all always reads full pages.">
        <span className="b-label">Page size</span>
        <input
          aria-label="Page size"
          className={`b-narrow${errorsAt(errors, 'pageSize').length > 0 ? ' b-invalid' : ''}`}
          inputMode="numeric"
          placeholder="1 MB"
          value={draft.pageSize}
          onChange={(e) => onChange({ pageSize: e.target.value })}
        />
        <FieldError messages={errorsAt(errors, 'pageSize')} />
      </label>
      {draft.mode === 'scan' && (
        <label className="b-field" title="Load all reads a Scan in this many parallel segments">
          <span className="b-label">Parallel segments</span>
          <input
            aria-label="Parallel segments"
            className={`b-narrow${errorsAt(errors, 'segments').length > 0 ? ' b-invalid' : ''}`}
            inputMode="numeric"
            value={draft.segments}
            onChange={(e) => onChange({ segments: e.target.value })}
          />
          <FieldError messages={errorsAt(errors, 'segments')} />
        </label>
      )}
    </div>
  );
}
