import { useState } from 'react';
import type { TableDescription } from '../../../../../shared/contract/tables';
import type { SlotRef } from '../../../stores/itemsStore';
import type { QueryDraft } from './queryDraft';
import { FieldError } from './FieldError';
import { errorsAt, visibleErrors } from './fieldErrors';
import { FilterList } from './FilterList';
import { KeyConditionFields } from './KeyConditionFields';
import { QueryOptions } from './QueryOptions';
import { useQueryDraftStore } from './queryDraftStore';
import { RequestPreview } from './RequestPreview';
import { RunBar } from './RunBar';
import { useQueryModel } from './useQueryModel';

export interface QueryBuilderProps {
  slot: SlotRef;
  draftKey: string;
  table: TableDescription;
}

/** The query bar: target, Query or Scan, key condition, filters, options, request, Run. */
export function QueryBuilder({ slot, draftKey, table }: QueryBuilderProps) {
  const query = useQueryModel(draftKey, table);
  const update = useQueryDraftStore((s) => s.update);
  const [open, setOpen] = useState(true);
  const { draft, target } = query;
  const errors = visibleErrors(query.errors, draft, query.attempted);
  const onChange = (patch: Partial<QueryDraft>) => update(draftKey, patch);
  return (
    <section className="query-builder" aria-label="Query builder">
      <div className="qb-row">
        <button
          type="button"
          className="ghost qb-toggle"
          aria-expanded={open}
          aria-label={open ? 'Hide query options' : 'Show query options'}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        <label className="b-field">
          <span className="b-label">Read from</span>
          <select
            aria-label="Read from"
            value={target.index}
            onChange={(e) =>
              onChange({ index: e.target.value, sortOp: '', partition: '', sortValues: ['', ''] })
            }
          >
            <option value="">{table.name} (table)</option>
            {table.indexes.map((ix) => (
              <option key={ix.name} value={ix.name}>
                {ix.name} ({ix.kind})
              </option>
            ))}
          </select>
        </label>
        <div className="b-seg" role="radiogroup" aria-label="Operation">
          {(['query', 'scan'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={draft.mode === m}
              tabIndex={draft.mode === m ? 0 : -1}
              className={draft.mode === m ? 'on' : ''}
              onClick={() => onChange({ mode: m })}
            >
              {m === 'query' ? 'Query' : 'Scan'}
            </button>
          ))}
        </div>
        <span className={`req-kind kind-${query.kind}`} data-testid="request-kind">
          {query.kind}
        </span>
        {open && draft.mode === 'query' && (
          <KeyConditionFields draft={draft} target={target} errors={errors} onChange={onChange} />
        )}
      </div>
      {open && (
        <>
          <FilterList draft={draft} errors={errors} onChange={onChange} />
          <QueryOptions draft={draft} target={target} errors={errors} onChange={onChange} />
          <FieldError
            messages={[...errorsAt(errors, 'consistentRead'), ...errorsAt(errors, 'model')]}
          />
          <RequestPreview built={query.built} />
        </>
      )}
      <RunBar slot={slot} draftKey={draftKey} tableKey={table.key} query={query} />
    </section>
  );
}
