/**
 * The first page of a table never opened before is asked for when its name is clicked, beside
 * the table's description (which the grid needs first), instead of after it: one round trip less
 * between the click and the first rows. Only the plain first Scan of a fresh query bar is asked
 * early; anything else runs when the table's view opens.
 */
import type { ChannelOutput } from '../../../../../shared/contract';
import type { QueryModel } from '../../../../../shared/contract/items';
import { call } from '../../../api/client';
import { selectSlot, slotKey, useItemsStore, type SlotRef } from '../../../stores/itemsStore';
import { EMPTY_DRAFT } from '../query/queryDraft';
import { useQueryDraftStore } from '../query/queryDraftStore';

export type QueryPage = ChannelOutput<'items:query'>;

/** A page asked for early is used only this soon after the click; later it is read again. */
const FRESH_MS = 5_000;

interface Early {
  model: QueryModel;
  at: number;
  page: Promise<QueryPage>;
}

const early = new Map<string, Early>();

/** The model a fresh query bar runs on `table` (see toModel): a Scan of one page. */
function firstScan(table: string): QueryModel {
  return { table, mode: EMPTY_DRAFT.mode, pageSize: Number(EMPTY_DRAFT.pageSize) };
}

/** On a click on a table's name: starts reading its first page when the view will want it. */
export function prefetchFirstPage(ref: SlotRef): void {
  const key = slotKey(ref);
  if (selectSlot(ref)(useItemsStore.getState())) return;
  if (useQueryDraftStore.getState().drafts[key]) return;
  if (early.has(key)) return;
  const model = firstScan(ref.table);
  const page = call('items:query', { connectionId: ref.connectionId, model });
  // Nobody may ever take it (the user clicked on): an error is then nobody's to report.
  page.catch(() => undefined);
  early.set(key, { model, at: performance.now(), page });
}

/** The early page for `model`, if one was asked for it lately; it is handed out once. */
export function takeEarlyPage(ref: SlotRef, model: QueryModel): Promise<QueryPage> | undefined {
  const key = slotKey(ref);
  const e = early.get(key);
  if (!e) return undefined;
  early.delete(key);
  const same = JSON.stringify(e.model) === JSON.stringify(model);
  return same && performance.now() - e.at < FRESH_MS ? e.page : undefined;
}
