/**
 * The PartiQL tab's state: per table, the statement text, its parameters and the paging of the last
 * SELECT; and the staged PartiQL writes of every connection (as saved by the backend).
 */
import { create } from 'zustand';
import type { StagedStatement } from '../../../../shared/contract/partiql';
import type { AttributeValue } from '../../../../shared/dynamo/types';

export type PartiqlStatus = 'idle' | 'loading' | 'streaming' | 'done' | 'canceled' | 'error';

export interface PartiqlError {
  code: string;
  message: string;
  /** Where in the statement (or the parameters) the problem is, when known. */
  where?: 'statement' | 'parameters';
  line?: number;
  column?: number;
}

export interface PartiqlDraft {
  text: string;
  params: string;
  consistentRead: boolean;
  status: PartiqlStatus;
  loadId?: string;
  /** The statement and parameters the rows came from: Load more continues them. */
  running?: { statement: string; parameters: AttributeValue[] };
  nextToken?: string;
  items: number;
  pages: number;
  consumedCapacity: number;
  error?: PartiqlError;
  notice?: string;
}

const EMPTY: Omit<PartiqlDraft, 'text' | 'params'> = {
  consistentRead: false,
  status: 'idle',
  items: 0,
  pages: 0,
  consumedCapacity: 0,
};

interface PartiqlState {
  drafts: Record<string, PartiqlDraft>;
  staged: StagedStatement[];
  stagedLoaded: boolean;
  /** Creates the table's draft with `initial` text if it has none yet. */
  ensure(key: string, initial: { text: string; params: string }): void;
  patch(key: string, patch: Partial<PartiqlDraft>): void;
  setStaged(statements: StagedStatement[]): void;
}

export const usePartiqlStore = create<PartiqlState>((set) => ({
  drafts: {},
  staged: [],
  stagedLoaded: false,
  ensure(key, initial) {
    set((s) => (s.drafts[key] ? {} : { drafts: { ...s.drafts, [key]: { ...EMPTY, ...initial } } }));
  },
  patch(key, patch) {
    set((s) => {
      const old = s.drafts[key];
      return old ? { drafts: { ...s.drafts, [key]: { ...old, ...patch } } } : {};
    });
  },
  setStaged(statements) {
    set({ staged: statements, stagedLoaded: true });
  },
}));

export const selectDraft = (key: string) => (s: PartiqlState) => s.drafts[key];
