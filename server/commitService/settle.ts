import { sameChange } from '../../shared/changes/sameChange';
import type { StagedChange } from '../../shared/changes/types';
import type { OutcomeWire } from './types';
import { reasonForDisk } from '../connections/errors';
import type { StagingEntry } from '../../shared/contract/staging';

/**
 * The staging entries a commit's outcomes imply: written changes leave, failed and canceled ones
 * stay with their reason. A change edited again while the commit ran is left as the user made it
 * (compared as DynamoDB stores it: shared/changes/sameChange).
 */
export function settleEntries(
  snapshot: ReadonlyMap<string, StagedChange>,
  current: ReadonlyMap<string, StagedChange>,
  outcomes: Record<string, OutcomeWire>,
): StagingEntry[] {
  const entries: StagingEntry[] = [];
  for (const [id, outcome] of Object.entries(outcomes)) {
    const before = snapshot.get(id);
    const now = current.get(id);
    if (!before || !now) continue;
    if (!sameChange(now, before)) continue;
    const { error: _oldError, ...nowBody } = now;
    const base = { id, connectionId: now.connectionId, table: now.table };
    if (outcome.status === 'written' || outcome.status === 'superseded') entries.push(base);
    else if (
      outcome.status === 'failed' ||
      outcome.status === 'skipped' ||
      outcome.status === 'held' ||
      outcome.status === 'conflict' ||
      outcome.status === 'paused'
    )
      entries.push({ ...base, change: { ...nowBody, error: reasonForDisk(outcome.reason) } as StagedChange });
    else if (outcome.status === 'canceled') {
      entries.push({ ...base, change: { ...nowBody, error: 'Canceled before it was sent' } as StagedChange });
    }
  }
  return entries;
}
