/**
 * A staged change as the store holds it in memory: whole, an update as the delta it arrived as
 * (shared/changes/wire.ts), or an update whose original was named and spliced in from the bytes
 * the backend served (byRef.ts), kept as those bytes. A bulk edit's save keeps its 10,000 entries
 * as they are and builds the whole changes only when someone reads them (staging:load, a commit),
 * once.
 */
import type { StagedChange } from '../../shared/changes/types';
import { fromDelta, type UpdateDelta, type UpdateRef } from '../../shared/changes/wire';
import type { Item } from '../../shared/dynamo/types';
import { logEntryOf, type LogEntry } from './logFormat';

/** An update with its original as the exact JSON bytes the log holds for it. */
export interface Spliced {
  connectionId: string;
  table: string;
  ref: UpdateRef;
  original: Uint8Array;
}

export type Held =
  | { change: StagedChange; update?: undefined; spliced?: undefined }
  | { update: UpdateDelta; change?: undefined; spliced?: undefined }
  | { spliced: Spliced; change?: undefined; update?: undefined };

/** What an entry stages (undefined: un-staged); `original`: the bytes its updateRef names. */
export function heldOf(
  e: { connectionId?: string; table?: string; change?: StagedChange; update?: UpdateDelta; updateRef?: UpdateRef },
  original?: Uint8Array,
): Held | undefined {
  if (e.updateRef && original && e.connectionId !== undefined && e.table !== undefined) {
    return { spliced: { connectionId: e.connectionId, table: e.table, ref: e.updateRef, original } };
  }
  if (e.update) return { update: e.update };
  return e.change ? { change: e.change } : undefined;
}

function deltaOf({ connectionId, table, ref, original }: Spliced): UpdateDelta {
  const d: UpdateDelta = {
    connectionId,
    table,
    key: ref.key,
    original: JSON.parse(Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('utf8')) as Item,
    set: ref.set,
    remove: ref.remove,
  };
  if (ref.error !== undefined) d.error = ref.error;
  return d;
}

/** The whole change; built once and kept whole (`h` is updated in place). */
export function changeOf(h: Held): StagedChange {
  if (h.change) return h.change;
  const change = fromDelta(h.update ?? deltaOf(h.spliced));
  Object.assign(h, { change, update: undefined, spliced: undefined });
  return change;
}

/** How the entry is written in a record: a delta as it is, a whole change as logEntryOf says. */
export function logEntryOfHeld(id: string, h: Held): LogEntry {
  if (h.update) return { id, update: h.update };
  return logEntryOf(id, changeOf(h));
}
