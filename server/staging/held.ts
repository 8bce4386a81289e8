/**
 * A staged change as the store holds it in memory: whole, or an update as the delta it arrived as
 * (shared/changes/wire.ts). A bulk edit's save keeps its 10,000 deltas as they are and builds the
 * whole changes only when someone reads them (staging:load, a commit), once.
 */
import type { StagedChange } from '../../shared/changes/types';
import { fromDelta, type UpdateDelta } from '../../shared/changes/wire';
import { logEntryOf, type LogEntry } from './logFormat';

export type Held = { change: StagedChange; update?: undefined } | { update: UpdateDelta; change?: undefined };

/** What an entry stages (undefined: un-staged). */
export function heldOf(e: { change?: StagedChange; update?: UpdateDelta }): Held | undefined {
  if (e.update) return { update: e.update };
  return e.change ? { change: e.change } : undefined;
}

/** The whole change; a delta is built once and kept whole (`h` is updated in place). */
export function changeOf(h: Held): StagedChange {
  if (h.change) return h.change;
  const change = fromDelta(h.update);
  Object.assign(h, { change, update: undefined });
  return change;
}

/** How the entry is written in a record: a delta as it is, a whole change as logEntryOf says. */
export function logEntryOfHeld(id: string, h: Held): LogEntry {
  return h.update ? { id, update: h.update } : logEntryOf(id, h.change);
}
