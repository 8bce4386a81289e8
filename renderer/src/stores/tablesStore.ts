import { create } from 'zustand';
import { tableRef } from '../../../shared/changes/identity';
import type { TableDescription } from '../../../shared/contract/tables';
import { ApiCallError, call } from '../api/client';

/**
 * What the last table listing of a connection says about the connection: it answered (in `ms`,
 * round trip included) or it failed. Listing the tables is the check that the connection works.
 */
export type ListCheck =
  | { ok: true; ms: number; tables: string[] }
  | { ok: false; code: string; message: string; fix?: string };

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
  /** The outcome of the last listing per connection id. */
  checks: Record<string, ListCheck>;
  /** Lists the connection's tables; joins a listing of the same connection already under way. */
  load(connectionId: string): Promise<ListCheck>;
  /** Takes a listing made before the app ran (the page the web host served shows it). */
  prime(connectionId: string, tables: string[], ms: number): void;
  /** The last listing's outcome, else the one under way, else a new listing. */
  listed(connectionId: string): Promise<ListCheck>;
  /** Forgets the last listing's outcome (the connection's settings changed). */
  forget(connectionId: string): void;
  setFilter(filter: string): void;
  select(connectionId: string, table: string): Promise<void>;
  /**
   * Reads the descriptions of the first DESCRIBE_AHEAD tables, one at a time, so that a click on
   * one of them opens its view at once (its first page is then the only read left).
   */
  describeAhead(connectionId: string, tables: string[]): Promise<void>;
}

/** Listings under way, per connection id. */
const inflight = new Map<string, Promise<ListCheck>>();
/** Descriptions being read, by tableRef. */
const describing = new Map<string, Promise<TableDescription>>();

/** How many of a connection's tables (the first in the list) are described ahead of a click. */
export const DESCRIBE_AHEAD = 20;

/** One DescribeTable per table at a time: a click joins the one read ahead. */
function describeOnce(connectionId: string, table: string): Promise<TableDescription> {
  const ref = tableRef(connectionId, table);
  const running = describing.get(ref);
  if (running) return running;
  const reading = call('tables:describe', { connectionId, table });
  describing.set(ref, reading);
  void reading.then(
    () => describing.delete(ref),
    () => describing.delete(ref),
  );
  return reading;
}

export const useTablesStore = create<TablesState>((set, get) => ({
  names: {},
  loading: false,
  error: null,
  filter: '',
  selected: {},
  descriptions: {},
  describeError: null,
  checks: {},
  load(connectionId) {
    const running = inflight.get(connectionId);
    if (running) return running;
    set({ loading: true, error: null });
    const started = performance.now();
    const listing = call('tables:list', { connectionId }).then(
      ({ tables }): ListCheck => {
        const check: ListCheck = { ok: true, ms: Math.round(performance.now() - started), tables };
        set((s) => ({
          names: { ...s.names, [connectionId]: tables },
          checks: { ...s.checks, [connectionId]: check },
          loading: false,
        }));
        void get().describeAhead(connectionId, tables);
        return check;
      },
      (err: unknown): ListCheck => {
        const e = err as Error;
        const check: ListCheck = {
          ok: false,
          code: err instanceof ApiCallError ? err.code : 'Error',
          message: e.message,
          ...(err instanceof ApiCallError && err.fix ? { fix: err.fix } : {}),
        };
        set((s) => ({
          checks: { ...s.checks, [connectionId]: check },
          loading: false,
          error: e.message,
        }));
        return check;
      },
    );
    inflight.set(connectionId, listing);
    void listing.finally(() => inflight.delete(connectionId));
    return listing;
  },
  prime(connectionId, tables, ms) {
    const check: ListCheck = { ok: true, ms, tables };
    set((s) => ({
      names: { ...s.names, [connectionId]: tables },
      checks: { ...s.checks, [connectionId]: check },
    }));
    void get().describeAhead(connectionId, tables);
  },
  listed(connectionId) {
    const done = get().checks[connectionId];
    return inflight.get(connectionId) ?? (done ? Promise.resolve(done) : get().load(connectionId));
  },
  forget(connectionId) {
    set((s) => {
      const checks = { ...s.checks };
      delete checks[connectionId];
      return { checks };
    });
  },
  setFilter(filter) {
    set({ filter });
  },
  async select(connectionId, table) {
    set((s) => ({ selected: { ...s.selected, [connectionId]: table }, describeError: null }));
    try {
      await describeKnown(connectionId, table);
    } catch (err) {
      // Only the table still shown reports its error.
      if (get().selected[connectionId] === table) set({ describeError: (err as Error).message });
    }
  },
  async describeAhead(connectionId, tables) {
    for (const table of tables.slice(0, DESCRIBE_AHEAD)) {
      try {
        await describeKnown(connectionId, table);
      } catch {
        // Read again, with its error shown, when the table is opened.
      }
    }
  },
}));

/**
 * A table's description: the one the tables store has, else read once (joining a read under way)
 * and kept there. Every reader goes through here (select, describe-ahead, the staging store
 * confirming a key schema it inferred): one DescribeTable per table, not one each.
 */
export async function describeKnown(connectionId: string, table: string): Promise<TableDescription> {
  const ref = tableRef(connectionId, table);
  const known = useTablesStore.getState().descriptions[ref];
  if (known) return known;
  const d = await describeOnce(connectionId, table);
  useTablesStore.setState((s) => ({ descriptions: { ...s.descriptions, [ref]: d } }));
  return d;
}
