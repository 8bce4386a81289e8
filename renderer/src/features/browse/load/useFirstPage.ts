/**
 * A table opens with its first page: when it is shown and nothing was read from it yet, the query
 * bar's query (a Scan of one page for a table never queried) runs once. Later the rows stay what
 * they are until Run; `useRowsStale` says when the query bar no longer matches them.
 */
import { useEffect } from 'react';
import type { TableDescription } from '../../../../../shared/contract/tables';
import { selectSlot, useItemsStore, type SlotRef } from '../../../stores/itemsStore';
import { useQueryModel } from '../query/useQueryModel';
import { runQuery } from './loader';
import { rowsAreStale } from './staleness';

export function useFirstPage(ref: SlotRef, draftKey: string, table: TableDescription): void {
  const query = useQueryModel(draftKey, table);
  const ready = query.errors.length === 0;
  useEffect(() => {
    // The slot exists from the moment a load begins: a second mount (StrictMode) reads nothing.
    if (!ready || selectSlot(ref)(useItemsStore.getState())) return;
    void runQuery(ref, table.key, query.model);
    // Only when the table is opened, not when the query changes (that marks the rows stale).
  }, [ref, table.key]);
}

/** True when the loaded rows came from another query than the one now in the query bar. */
export function useRowsStale(ref: SlotRef, draftKey: string, table: TableDescription): boolean {
  const query = useQueryModel(draftKey, table);
  const loadedWith = useItemsStore((s) => {
    const slot = selectSlot(ref)(s);
    return slot && slot.kind !== 'Get' && slot.status !== 'idle' ? slot.model : undefined;
  });
  return rowsAreStale(loadedWith, query.model);
}
