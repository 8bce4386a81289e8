import { CHANGE_KINDS } from '../../../../shared/review/reviewModel';
import type { ChangeKind, StagedTable } from '../../../../shared/review/reviewModel';
import {
  reviewActions,
  selectKinds,
  selectSearch,
  selectTableFilter,
  useReviewStore,
} from './reviewStore';

const LABELS: Record<ChangeKind, string> = {
  put: 'New (put)',
  update: 'Updates',
  delete: 'Deletes',
};

export interface ReviewFiltersProps {
  counts: Record<ChangeKind, number>;
  tables: readonly StagedTable[];
  showConnection: boolean;
}

/** Filters by kind (toggle buttons; none pressed shows all) and by table. */
export function ReviewFilters({ counts, tables, showConnection }: ReviewFiltersProps) {
  const kinds = useReviewStore(selectKinds);
  const table = useReviewStore(selectTableFilter);
  const search = useReviewStore(selectSearch);
  return (
    <div className="review-filters" role="group" aria-label="Filter staged changes">
      <input
        type="search"
        className="review-search"
        aria-label="Search the review"
        placeholder="Search keys and values"
        data-review-start=""
        value={search}
        onChange={(e) => reviewActions.setSearch(e.target.value)}
      />
      {CHANGE_KINDS.map((k) => (
        <button
          key={k}
          type="button"
          className={`filter-chip ${k}`}
          aria-pressed={kinds.includes(k)}
          onClick={() => reviewActions.toggleKind(k)}
        >
          {LABELS[k]} <span className="count">{counts[k].toLocaleString('en-US')}</span>
        </button>
      ))}
      <select
        aria-label="Table filter"
        value={table ?? ''}
        onChange={(e) => reviewActions.setTable(e.target.value || null)}
      >
        <option value="">All tables</option>
        {tables.map((t) => (
          <option key={t.ref} value={t.ref}>
            {showConnection ? `${t.connectionId} · ` : ''}
            {t.table} ({t.count.toLocaleString('en-US')})
          </option>
        ))}
      </select>
    </div>
  );
}
