import type { StagedChange } from '../../shared/changes/types';
import type { Item } from '../../shared/dynamo/types';

/** What the check before writing reads: every change (batch mode) or only new items (guarded). */
export function driftInputs(changes: ReadonlyMap<string, StagedChange>, putsOnly: boolean) {
  const out = [];
  for (const [id, c] of changes) {
    if (c.kind === 'put') out.push({ id, table: c.table, key: c.key, original: null });
    else if (!putsOnly) out.push({ id, table: c.table, key: c.key, original: c.original });
  }
  return out;
}

/** What each staged change was based on, for the re-check before a resume: null for a new item. */
export function basesOf(changes: ReadonlyMap<string, StagedChange>): Map<string, Item | null> {
  const out = new Map<string, Item | null>();
  for (const [id, c] of changes) out.set(id, c.kind === 'put' ? null : c.original);
  return out;
}
