/** The query bar's form per (connection, table), so a query survives switching tables. */
import { create } from 'zustand';
import { EMPTY_DRAFT, type QueryDraft } from './queryDraft';

interface QueryDraftState {
  drafts: Record<string, QueryDraft>;
  /** Whether Run was pressed since the last change of target: show every error from then on. */
  attempted: Record<string, boolean>;
  update(key: string, patch: Partial<QueryDraft> | ((d: QueryDraft) => Partial<QueryDraft>)): void;
  setAttempted(key: string, attempted: boolean): void;
}

export const useQueryDraftStore = create<QueryDraftState>((set) => ({
  drafts: {},
  attempted: {},
  update(key, patch) {
    set((s) => {
      const draft = s.drafts[key] ?? EMPTY_DRAFT;
      const next = { ...draft, ...(typeof patch === 'function' ? patch(draft) : patch) };
      return { drafts: { ...s.drafts, [key]: next } };
    });
  },
  setAttempted(key, attempted) {
    set((s) => ({ attempted: { ...s.attempted, [key]: attempted } }));
  },
}));

export const selectDraft =
  (key: string) =>
  (s: QueryDraftState): QueryDraft =>
    s.drafts[key] ?? EMPTY_DRAFT;
