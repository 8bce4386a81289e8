import { useDeferredValue, useMemo } from 'react';
import { selectChanges, selectKeySchemas, useStagingStore } from '../../stores/stagingStore';
import { pairMoves } from '../../../../shared/review/moves';
import { planStaged } from '../../../../shared/review/planStaged';
import { reviewEntries, stagedTables, kindCounts } from '../../../../shared/review/reviewModel';
import { selectKinds, selectSearch, selectTableFilter, useReviewStore } from './reviewStore';
import { quickFilterPattern } from '../../../../shared/query/textFilter';
import { validateStaged } from './validation';
import { plannerSession } from '../../stores/plannerSession';

/**
 * Everything the review shows, derived from the staged changes: the filtered entries, the plan
 * of all staged changes (shared/plan, as the commit runs it) and the issues that block commit.
 * The heavy parts follow a deferred copy of the changes so staging stays responsive.
 */
export function useReviewData() {
  const live = useStagingStore(selectChanges);
  const keySchemas = useStagingStore(selectKeySchemas);
  const kinds = useReviewStore(selectKinds);
  const table = useReviewStore(selectTableFilter);
  const search = useDeferredValue(useReviewStore(selectSearch));
  const changes = useDeferredValue(live);
  const moves = useMemo(() => pairMoves(changes, keySchemas), [changes, keySchemas]);
  const entries = useMemo(
    () => reviewEntries(changes, { kinds, table, search: quickFilterPattern(search) }, moves),
    [changes, kinds, table, moves, search],
  );
  const tables = useMemo(() => stagedTables(changes), [changes]);
  const counts = useMemo(() => kindCounts(changes), [changes]);
  const plan = useMemo(
    () => planStaged(changes, keySchemas, plannerSession),
    [changes, keySchemas],
  );
  const issues = useMemo(
    () => validateStaged(changes, keySchemas, plan),
    [changes, keySchemas, plan],
  );
  const issuesById = useMemo(() => {
    const m = new Map<string, typeof issues>();
    for (const i of issues) {
      const list = m.get(i.id);
      if (list) list.push(i);
      else m.set(i.id, [i]);
    }
    return m;
  }, [issues]);
  return {
    changes,
    entries,
    moves,
    tables,
    counts,
    plan,
    issues,
    issuesById,
    keySchemas,
    stale: changes !== live,
  };
}

export type ReviewData = ReturnType<typeof useReviewData>;
