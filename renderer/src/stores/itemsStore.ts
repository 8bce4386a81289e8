/**
 * Loaded items per (connection, table), as DynamoDB AttributeValue maps, plus the state of the load
 * that produced them and which rows are selected. Data only: no grid objects live here.
 */
import { create } from 'zustand';
import type { QueryModel } from '../../../shared/contract/items';
import { tableRef } from '../../../shared/changes/identity';
import type { Positions } from '../../../shared/changes/idPositions';
import { keyNames } from '../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { addRows, emptyIndex, enterAhead, indexOf, rowIdOf } from './loadedRows';
import type { RowIndex } from './loadedRows';
import { loadedMeasureStore } from './loadedMeasures';
import { measureWhenIdle } from './measureIdle';
import { plannerSession } from './plannerSession';

export { rowIdOf };

/** How the rows of a slot were read. */
export type LoadKind = 'Query' | 'Scan' | 'Get';
/** `loading`: one request in flight; `streaming`: items:loadAll running. */
export type LoadStatus = 'idle' | 'loading' | 'streaming' | 'done' | 'canceled' | 'error';

export interface LoadProgress {
  items: number;
  pages: number;
  scannedCount: number;
  consumedCapacity: number;
}

export interface ItemsSlot {
  connectionId: string;
  table: string;
  /** The table's own key: row ids and the pinned key columns come from it. */
  keySchema: KeySchema;
  /** Loaded items in arrival order; a new array whenever items arrive. */
  items: Item[];
  /** Row ids (canonical keys), parallel to `items`. */
  ids: string[];
  /** Every attribute name seen: key attributes first, then in order of first appearance. */
  columns: string[];
  kind: LoadKind | null;
  status: LoadStatus;
  progress: LoadProgress;
  /** LastEvaluatedKey of the last page read by items:query; Load more continues from it. */
  cursor?: Item;
  /** The model the rows were read with. */
  model?: QueryModel;
  loadId?: string;
  error?: { code: string; message: string };
  selection: Record<string, true>;
  /** The row the inspector shows (last clicked or navigated to). */
  activeId: string | null;
  /** An attribute of the active row to show first in the inspector. */
  inspectPath: string | null;
}

export interface SlotRef {
  connectionId: string;
  table: string;
}

export const slotKey = (ref: SlotRef): string => tableRef(ref.connectionId, ref.table);

const ZERO: LoadProgress = { items: 0, pages: 0, scannedCount: 0, consumedCapacity: 0 };

/** Lookup structures per slot, kept beside the state so that appending stays O(page). */
const indexes = new Map<string, RowIndex>();

// The review measures loaded rows into their indexes, by position (see loadedMeasures.ts).
plannerSession.measurer.useStore(loadedMeasureStore(() => indexes.values()));

/**
 * Where each row id of the slot is in its ids array: kept up to date as rows load (a newer ids
 * array may have more rows than the one a caller holds, so check ids[i] against the id).
 */
export function slotPositions(ref: SlotRef): Positions | undefined {
  return indexes.get(slotKey(ref))?.rowOf;
}

function emptySlot(ref: SlotRef, keySchema: KeySchema): ItemsSlot {
  indexes.set(slotKey(ref), emptyIndex(keySchema));
  return {
    ...ref,
    keySchema,
    items: [],
    ids: [],
    columns: keyNames(keySchema),
    kind: null,
    status: 'idle',
    progress: ZERO,
    selection: {},
    activeId: null,
    inspectPath: null,
  };
}

/** The slot with `incoming` added (see addRows; `ids`: their row ids, when made already). */
function withItems(slot: ItemsSlot, incoming: readonly Item[], ids?: readonly string[]): ItemsSlot {
  const key = slotKey(slot);
  let index = indexes.get(key);
  if (!index) {
    index = indexOf(slot, slot.keySchema);
    indexes.set(key, index);
  }
  // Read before: addRows grows the slot's arrays in place.
  const before = slot.items.length;
  const next = addRows(slot, index, incoming, slot.keySchema, ids);
  // While a Load all streams, the rows are measured after it (measureAfterStream).
  if (slot.status !== 'streaming') measureWhenIdle(index, before, next.items.length);
  return next;
}

/**
 * Queues the rows of a Load all that just ended to be measured when idle. Not during the stream:
 * measuring a million rows as they came took ~0.6 s of the page's thread in idle time, which the
 * GC's concurrent markers then did not get (two cores), and the page marked more itself.
 */
function measureAfterStream(slot: ItemsSlot): void {
  const index = indexes.get(slotKey(slot));
  if (slot.status === 'streaming' && index) measureWhenIdle(index, 0, slot.items.length);
}

export interface BeginLoad {
  keySchema: KeySchema;
  kind: LoadKind;
  status: 'loading' | 'streaming';
  loadId: string;
  model?: QueryModel;
  /** Keep the loaded rows (Load more); otherwise the slot starts empty. */
  keep?: boolean;
}

interface ItemsState {
  slots: Record<string, ItemsSlot>;
  /** Starts a load: a fresh slot, or the same rows with a new status when `keep`. */
  begin(ref: SlotRef, load: BeginLoad): void;
  /**
   * Adds items read by load `loadId`; ignored when another load has started since. `ids`, when
   * given, are the items' row ids (rowIdOf under the load's key schema), made as they arrived.
   */
  append(
    ref: SlotRef,
    loadId: string,
    items: readonly Item[],
    progress?: Partial<LoadProgress>,
    ids?: readonly string[],
  ): void;
  /** Ends load `loadId`; `cursor` undefined means there is nothing more to read. */
  finish(
    ref: SlotRef,
    loadId: string,
    end: { status: 'done' | 'canceled'; cursor?: Item; progress?: Partial<LoadProgress> },
  ): void;
  fail(ref: SlotRef, loadId: string, error: { code: string; message: string }): void;
  /** Replaces the rows at once (a finished load): used by get-by-key results and the benchmark. */
  replace(ref: SlotRef, keySchema: KeySchema, kind: LoadKind, items: readonly Item[]): void;
  /**
   * Sets rows by key (after a commit, or a conflict reloaded from the server): an item replaces
   * its loaded row or is appended, null removes the row. Nothing happens when the slot is not loaded.
   */
  refreshRows(ref: SlotRef, rows: readonly { key: Item; item: Item | null }[]): void;
  setSelection(ref: SlotRef, selection: Record<string, true>, activeId?: string | null): void;
  setActive(ref: SlotRef, activeId: string | null, inspectPath?: string | null): void;
}

function patch(
  state: ItemsState,
  ref: SlotRef,
  update: (slot: ItemsSlot) => ItemsSlot | null,
): Partial<ItemsState> {
  const key = slotKey(ref);
  const slot = state.slots[key];
  if (!slot) return {};
  const next = update(slot);
  return next && next !== slot ? { slots: { ...state.slots, [key]: next } } : {};
}

export const useItemsStore = create<ItemsState>((set) => ({
  slots: {},
  begin(ref, load) {
    set((s) => {
      const old = s.slots[slotKey(ref)];
      const base = load.keep && old ? old : emptySlot(ref, load.keySchema);
      const slot: ItemsSlot = {
        ...base,
        kind: load.kind,
        status: load.status,
        loadId: load.loadId,
        model: load.model ?? base.model,
        error: undefined,
        cursor: load.keep ? base.cursor : undefined,
        progress: load.keep ? base.progress : ZERO,
      };
      return { slots: { ...s.slots, [slotKey(ref)]: slot } };
    });
  },
  append(ref, loadId, items, progress, ids) {
    set((s) =>
      patch(s, ref, (slot) => {
        if (slot.loadId !== loadId) return null;
        const next = items.length > 0 ? withItems(slot, items, ids) : slot;
        return progress ? { ...next, progress: { ...next.progress, ...progress } } : next;
      }),
    );
  },
  finish(ref, loadId, end) {
    set((s) =>
      patch(s, ref, (slot) => {
        if (slot.loadId !== loadId) return null;
        measureAfterStream(slot);
        const progress = { ...slot.progress, ...end.progress };
        return { ...slot, status: end.status, cursor: end.cursor, progress };
      }),
    );
  },
  fail(ref, loadId, error) {
    set((s) =>
      patch(s, ref, (slot) => {
        if (slot.loadId !== loadId) return null;
        measureAfterStream(slot);
        return { ...slot, status: 'error', error };
      }),
    );
  },
  replace(ref, keySchema, kind, items) {
    const slot = withItems({ ...emptySlot(ref, keySchema), kind, status: 'done' }, items);
    const done = { ...slot, progress: { ...ZERO, items: slot.items.length } };
    set((s) => ({ slots: { ...s.slots, [slotKey(ref)]: done } }));
  },
  refreshRows(ref, rows) {
    set((s) =>
      patch(s, ref, (slot) => {
        const gone = new Set<string>();
        const present: Item[] = [];
        for (const r of rows) {
          if (r.item) present.push(r.item);
          else gone.add(rowIdOf(r.key, slot.keySchema));
        }
        const next = present.length > 0 ? withItems(slot, present) : slot;
        if (!next.ids.some((id) => gone.has(id))) return next;
        const items: Item[] = [];
        const ids: string[] = [];
        next.ids.forEach((id, i) => {
          if (gone.has(id)) return;
          ids.push(id);
          items.push(next.items[i] as Item);
        });
        indexes.set(slotKey(ref), indexOf({ items, ids, columns: next.columns }, slot.keySchema));
        const selection = { ...next.selection };
        for (const id of gone) delete selection[id];
        const activeId = next.activeId !== null && gone.has(next.activeId) ? null : next.activeId;
        return { ...next, items, ids, selection, activeId };
      }),
    );
  },
  setSelection(ref, selection, activeId) {
    set((s) =>
      patch(s, ref, (slot) => ({
        ...slot,
        selection,
        ...(activeId !== undefined ? { activeId, inspectPath: null } : {}),
      })),
    );
  },
  setActive(ref, activeId, inspectPath = null) {
    set((s) => patch(s, ref, (slot) => ({ ...slot, activeId, inspectPath })));
  },
}));

/** The slot of (connection, table), or undefined before anything was loaded there. */
export const selectSlot =
  (ref: SlotRef) =>
  (s: ItemsState): ItemsSlot | undefined =>
    s.slots[slotKey(ref)];

/**
 * The row ids of load `loadId`'s next rows, entered in the slot's index as they arrive, before
 * the rows are appended (loadedRows.ts enterAhead): a Load all's hand-overs then stay short.
 */
export function enterIdsAhead(ref: SlotRef, loadId: string, ids: readonly string[]): void {
  const slot = useItemsStore.getState().slots[slotKey(ref)];
  const index = indexes.get(slotKey(ref));
  if (slot?.loadId === loadId && index) enterAhead(index, slot.items.length, ids);
}

/** The loaded item with row id `id`, found without scanning the slot. */
export function findItem(slot: ItemsSlot, id: string | null): Item | undefined {
  if (id === null) return undefined;
  const at = indexes.get(slotKey(slot))?.rowOf.get(id);
  return at === undefined ? undefined : slot.items[at];
}
