import type { StagedChange } from '../../../shared/changes/types';

/** What the check before writing reads: every change (batch mode) or only new items (guarded). */
export function driftInputs(changes: ReadonlyMap<string, StagedChange>, putsOnly: boolean) {
  const out = [];
  for (const [id, c] of changes) {
    if (c.kind === 'put') out.push({ id, table: c.table, key: c.key, original: null });
    else if (!putsOnly) out.push({ id, table: c.table, key: c.key, original: c.original });
  }
  return out;
}
