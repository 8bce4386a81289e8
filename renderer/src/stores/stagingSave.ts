/**
 * How the staging store's saves travel: an update whose original is a row image the web host
 * served (api/servedPages.ts) names it (page, index) instead of sending it back; the host writes
 * the bytes it served as the original (server/staging/byRef.ts). When the host no longer keeps a
 * named page (or refuses a name), the batch is sent again with every image whole: nothing staged
 * is lost. The Electron bridge clones the entries themselves (whole) and never sees the text.
 */
import type { UpdateDelta, UpdateRef } from '../../../shared/changes/wire';
import { changeId, tableRef } from '../../../shared/changes/identity';
import type { KeySchemasByRef } from '../../../shared/changes/types';
import type { StagingEntry, StagingGroup } from '../../../shared/contract/staging';
import type { AttributeValue, Item } from '../../../shared/dynamo/types';
import { ApiCallError, call } from '../api/client';
import { withJsonBody } from '../api/jsonBody';
import { keepLoads, servedPlaces } from '../api/servedPages';
import {
  GROUPED_ENTRY_BYTES,
  takeBatch,
  type Batch,
  type EntryEncoder,
} from '../features/staging/persistQueue';
import { utf8Length } from '../../../shared/dynamo/binary';
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

/** Updates shared by at least this many entries of a save travel as a group (StagingGroup). */
export const MIN_GROUP = 16;

/** A group's text besides its update (in its signature): names, key schema, brackets, at most. */
const GROUP_HEAD_BYTES = 1024;

/**
 * The JSON text of each entry of a save of `entries` (about to be batched): an update whose
 * original is a served image names it, and updates that many of them share (a bulk edit's) are
 * written once, as a group of rows named by page and index (persistQueue.ts EntryEncoder). A row
 * joins a group only when its id is the one the host will make from the served key (groups.ts).
 */
export function encoderFor(
  entries: Iterable<StagingEntry>,
  keySchemas: KeySchemasByRef = {},
): EntryEncoder {
  const list = [...entries];
  const images = new Set<Item>();
  for (const e of list) if (e.update) images.add(e.update.original);
  if (images.size < MIN_NAMED) return whole;
  const places = servedPlaces(images);
  if (places.size === 0) return whole;
  const groups = groupsOf(list, places, keySchemas);
  // A group's own text (its update) counts once, with its first row, toward the write's bytes.
  const counted = new Set<string>();
  const encode: EntryEncoder = (e) => {
    const u = e.update;
    const at = u && places.get(u.original);
    if (!u || !at) return whole(e);
    const sig = groups.get(e);
    if (sig !== undefined) {
      if (counted.has(sig)) return GROUPED_ENTRY_BYTES;
      counted.add(sig);
      return GROUPED_ENTRY_BYTES + GROUP_HEAD_BYTES + utf8Length(sig);
    }
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
  encode.groups = (grouped) => JSON.stringify(groupsJson(grouped, groups, places, keySchemas));
  return encode;
}

interface Group {
  head: Omit<StagingGroup, 'rows'>;
  rows: Map<string, number[]>;
}

/**
 * The entries of `list` that can travel in a group, with their group's update (shared by at
 * least MIN_GROUP of them): served originals whose key makes the entry's id.
 */
function groupsOf(
  list: readonly StagingEntry[],
  places: Map<Item, [string, number]>,
  keySchemas: KeySchemasByRef,
): Map<StagingEntry, string> {
  const sigs = new Map<StagingEntry, string>();
  const counts = new Map<string, number>();
  const signature = signatures();
  const refOf = tableRefs();
  for (const e of list) {
    const u = e.update;
    if (!u || !places.has(u.original)) continue;
    const ref = refOf(e.connectionId, e.table);
    const keySchema = keySchemas[ref];
    if (!keySchema || changeId(e.connectionId, e.table, u.original, keySchema) !== e.id) continue;
    const sig = signature(ref, u);
    sigs.set(e, sig);
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }
  for (const [e, sig] of sigs) if (counts.get(sig)! < MIN_GROUP) sigs.delete(e);
  return sigs;
}

/** tableRef, the same string again for the same table as the call before (a bulk edit's entries). */
function tableRefs(): (connectionId: string, table: string) => string {
  let last: { connectionId: string; table: string; ref: string } | null = null;
  return (connectionId, table) => {
    if (last?.connectionId !== connectionId || last.table !== table)
      last = { connectionId, table, ref: tableRef(connectionId, table) };
    return last.ref;
  };
}

/** What makes updates one group: their table, what they set and remove, and their error. */
function fullSignature(ref: string, u: UpdateDelta): string {
  return `${ref}\u0000${JSON.stringify([u.set, u.remove, u.error ?? null])}`;
}

/**
 * fullSignature, made once per table, attribute and value object for updates that set one
 * attribute and nothing else: a bulk edit's 10,000 updates share that value object, and writing
 * it as JSON for each of them was most of the time a save took to find its groups.
 */
function signatures(): (ref: string, u: UpdateDelta) => string {
  const made = new Map<string, Map<string, Map<AttributeValue, string>>>();
  return (ref, u) => {
    const names = Object.keys(u.set);
    if (names.length !== 1 || u.remove.length > 0 || u.error !== undefined)
      return fullSignature(ref, u);
    const name = names[0] as string;
    const value = u.set[name] as AttributeValue;
    let byName = made.get(ref);
    if (!byName) made.set(ref, (byName = new Map()));
    let byValue = byName.get(name);
    if (!byValue) byName.set(name, (byValue = new Map()));
    let sig = byValue.get(value);
    if (sig === undefined) byValue.set(value, (sig = fullSignature(ref, u)));
    return sig;
  };
}

/** The groups holding `grouped` (each in `sigs`), their rows by page, in order. */
function groupsJson(
  grouped: readonly StagingEntry[],
  sigs: Map<StagingEntry, string>,
  places: Map<Item, [string, number]>,
  keySchemas: KeySchemasByRef,
): StagingGroup[] {
  const bySig = new Map<string, Group>();
  for (const e of grouped) {
    const sig = sigs.get(e)!;
    const u = e.update!;
    let g = bySig.get(sig);
    if (!g) {
      const { connectionId, table } = e;
      const keySchema = keySchemas[tableRef(connectionId, table)]!;
      const head: Omit<StagingGroup, 'rows'> = {
        connectionId,
        table,
        keySchema,
        set: u.set,
        remove: u.remove,
      };
      if (u.error !== undefined) head.error = u.error;
      g = { head, rows: new Map() };
      bySig.set(sig, g);
    }
    const [page, index] = places.get(u.original)!;
    let indexes = g.rows.get(page);
    if (!indexes) g.rows.set(page, (indexes = []));
    indexes.push(index);
  }
  return [...bySig.values()].map((g) => ({
    ...g.head,
    rows: [...g.rows].map(([page, indexes]) => ({ page, indexes })),
  }));
}

/** `entries` whole, in the writes the persist queue would make of them. */
function wholeBatches(entries: readonly StagingEntry[]): Batch[] {
  const out: Batch[] = [];
  for (let at = 0; at < entries.length;) {
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
      revision = (await call('staging:apply', withJsonBody({ entries: part.batch }, part.body)))
        .revision;
    }
    return revision;
  }
}
