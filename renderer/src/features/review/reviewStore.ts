/** The review pane's own view state: open or not, its filters, which items show every attribute. */
import { create } from 'zustand';
import type { ChangeKind } from '../../../../shared/review/reviewModel';

interface ReviewView {
  open: boolean;
  kinds: ChangeKind[];
  /** tableRef of the table shown, or null for all. */
  table: string | null;
  /** Change ids whose every attribute row is shown. */
  expanded: Readonly<Record<string, true>>;
  /** Text a card's key or one of its values must contain (case-insensitive); '' for all. */
  search: string;
  /** The drawer's width in pixels once the user has resized it; null for the default. */
  width: number | null;
}

export const useReviewStore = create<ReviewView>(() => ({
  open: false,
  kinds: [],
  table: null,
  expanded: {},
  search: '',
  width: null,
}));

export const reviewActions = {
  toggle: () => useReviewStore.setState((s) => ({ open: !s.open })),
  setOpen: (open: boolean) => useReviewStore.setState({ open }),
  toggleKind: (kind: ChangeKind) =>
    useReviewStore.setState((s) => ({
      kinds: s.kinds.includes(kind) ? s.kinds.filter((k) => k !== kind) : [...s.kinds, kind],
    })),
  setTable: (table: string | null) => useReviewStore.setState({ table }),
  setWidth: (width: number | null) => useReviewStore.setState({ width }),
  setSearch: (search: string) => useReviewStore.setState({ search }),
  toggleExpanded: (id: string) =>
    useReviewStore.setState((s) => {
      const expanded = { ...s.expanded };
      if (expanded[id]) delete expanded[id];
      else expanded[id] = true;
      return { expanded };
    }),
};

export const selectReviewOpen = (s: ReviewView) => s.open;
export const selectKinds = (s: ReviewView) => s.kinds;
export const selectTableFilter = (s: ReviewView) => s.table;
export const selectExpanded = (s: ReviewView) => s.expanded;
export const selectReviewWidth = (s: ReviewView) => s.width;
export const selectSearch = (s: ReviewView) => s.search;
