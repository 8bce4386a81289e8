/**
 * How the grid of each (connection, table) is arranged: column order, hidden columns, widths,
 * client-side sort and the quick filter. Ids and numbers only; kept apart from the loaded items so
 * that rearranging columns never touches the data, and kept per table so a layout survives
 * switching tables.
 */
import { create } from 'zustand';

export interface ColumnSortState {
  id: string;
  desc: boolean;
}

export interface GridView {
  /** Column ids in display order; ids not listed follow in their natural order. */
  columnOrder: string[];
  /** `false` hides a column; an absent id is visible. */
  columnVisibility: Record<string, boolean>;
  columnSizing: Record<string, number>;
  sorting: ColumnSortState[];
  quickFilter: string;
  inspectorOpen: boolean;
  /** Columns whose epoch numbers show as dates ("Show as date"). */
  dateColumns: Record<string, boolean>;
}

export const DEFAULT_VIEW: GridView = {
  columnOrder: [],
  columnVisibility: {},
  columnSizing: {},
  sorting: [],
  quickFilter: '',
  inspectorOpen: true,
  dateColumns: {},
};

type Updater<T> = T | ((old: T) => T);

interface GridViewState {
  views: Record<string, GridView>;
  update<K extends keyof GridView>(key: string, field: K, value: Updater<GridView[K]>): void;
}

export const useGridViewStore = create<GridViewState>((set) => ({
  views: {},
  update(key, field, value) {
    set((s) => {
      const view = s.views[key] ?? DEFAULT_VIEW;
      const next =
        typeof value === 'function'
          ? (value as (old: GridView[typeof field]) => GridView[typeof field])(view[field])
          : value;
      if (Object.is(next, view[field])) return {};
      return { views: { ...s.views, [key]: { ...view, [field]: next } } };
    });
  },
}));

/** The view of a slot (the default one until something changes). */
export const selectView =
  (key: string) =>
  (s: GridViewState): GridView =>
    s.views[key] ?? DEFAULT_VIEW;
