/**
 * How the staging store's saves travel: an update whose original is a row image the web host
 * served (api/servedPages.ts) names it (page, index) instead of sending it back; the host writes
 * the bytes it served as the original (server/staging/byRef.ts). When the host no longer keeps a
 * named page (or refuses a name), the batch is sent again with every image whole: nothing staged
 * is lost. The Electron bridge clones the entries themselves (whole) and never sees the text.
 */
import type { UpdateRef } from '../../../shared/changes/wire';
import type { StagingEntry } from '../../../shared/contract/staging';
import type { Item } from '../../../shared/dynamo/types';
import { ApiCallError, call } from '../api/client';
import { withJsonBody } from '../api/jsonBody';
import { keepLoads, servedPlaces } from '../api/servedPages';
import { takeBatch, type Batch } from '../features/staging/persistQueue';
import { useItemsStore } from './itemsStore';

/** Saves with fewer updates send them whole: finding the served rows scans every noted page. */
export const MIN_NAMED = 64;

/** The host's codes for a save whose named originals it cannot write: send them whole. */
const NAMES_REFUSED = new Set(['OriginalGone', 'OriginalMismatch']);

// The pages of loads no table shows any more are forgotten (their rows are gone).
useItemsStore.subscribe((s, prev) => {
  if (s.slots === prev.slots) return;
  const live = new Set<string>();
  for (const slot of Object.values(s.slots)) if (slot.loadId) live.add(slot.loadId);
  keepLoads(live);
});

const whole = (e: StagingEntry) => JSON.stringify(e);

/**
 * The JSON text of each entry of a save of `entries` (about to be batched): an update whose
 * original is a served image names it.
 */
export function encoderFor(entries: Iterable<StagingEntry>): (e: StagingEntry) => string {
  const images = new Set<Item>();
  for (const e of entries) if (e.update) images.add(e.update.original);
  if (images.size < MIN_NAMED) return whole;
  const places = servedPlaces(images);
  if (places.size === 0) return whole;
  return (e) => {
    const u = e.update;
    const at = u && places.get(u.original);
    if (!u || !at) return whole(e);
    const updateRef: UpdateRef = {
      key: u.key,
      page: at[0],
      index: at[1],
      set: u.set,
      remove: u.remove,
    };
    if (u.error !== undefined) updateRef.error = u.error;
    return JSON.stringify({ id: e.id, connectionId: e.connectionId, table: e.table, updateRef });
  };
}

/** `entries` whole, in the writes the persist queue would make of them. */
function wholeBatches(entries: readonly StagingEntry[]): Batch[] {
  const out: Batch[] = [];
  for (let at = 0; at < entries.length; ) {
    const b = takeBatch(entries.slice(at), whole);
    out.push(b);
    at += b.batch.length;
  }
  return out;
}

/** Saves one batch (`body`: its text, see encoderFor); resolves with the host's revision. */
export async function saveBatch(entries: StagingEntry[], body: string): Promise<number> {
  try {
    return (await call('staging:apply', withJsonBody({ entries }, body))).revision;
  } catch (err) {
    if (!(err instanceof ApiCallError && NAMES_REFUSED.has(err.code))) throw err;
    let revision = 0;
    for (const part of wholeBatches(entries)) {
      revision = (await call('staging:apply', withJsonBody({ entries: part.batch }, part.body))).revision;
    }
    return revision;
  }
}
