import { create } from 'zustand';
import { tableRef } from '../../../shared/changes/identity';
import type { TableDescription } from '../../../shared/contract/tables';
import { call } from '../api/client';

interface TablesState {
  /** Table names per connection id. */
  names: Record<string, string[]>;
  loading: boolean;
  error: string | null;
  filter: string;
  /** Selected table per connection id. */
  selected: Record<string, string>;
  /** Descriptions by tableRef(connectionId, table). */
  descriptions: Record<string, TableDescription>;
  describeError: string | null;
  load(connectionId: string): Promise<void>;
  setFilter(filter: string): void;
  select(connectionId: string, table: string): Promise<void>;
}

export const useTablesStore = create<TablesState>((set, get) => ({
  names: {},
  loading: false,
  error: null,
  filter: '',
  selected: {},
  descriptions: {},
  describeError: null,
  async load(connectionId) {
    set({ loading: true, error: null });
    try {
      const { tables } = await call('tables:list', { connectionId });
      set((s) => ({ names: { ...s.names, [connectionId]: tables }, loading: false }));
    } catch (err) {
      set({ loading: false, error: (err as Error).message });
    }
  },
  setFilter(filter) {
    set({ filter });
  },
  async select(connectionId, table) {
    set((s) => ({ selected: { ...s.selected, [connectionId]: table }, describeError: null }));
    if (get().descriptions[tableRef(connectionId, table)]) return;
    try {
      const d = await call('tables:describe', { connectionId, table });
      set((s) => ({
        descriptions: { ...s.descriptions, [tableRef(connectionId, table)]: d },
      }));
    } catch (err) {
      set({ describeError: (err as Error).message });
    }
  },
}));
