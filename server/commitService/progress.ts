/** Progress events of a commit, as the renderer's progress bar reads them. */
import type { CommitProgress } from '../commitEngine/types';
import type { Services } from '../services';

export type Phase = 'drift' | 'writing' | 'readBack' | 'done';

export function emitProgress(
  s: Pick<Services, 'emit'>,
  commitId: string,
  phase: Phase,
  total: number,
  p?: CommitProgress,
): void {
  s.emit({
    type: 'commit:progress',
    commitId,
    phase,
    total,
    done: p?.done ?? 0,
    failed: p?.failed ?? 0,
    retrying: p?.retrying ?? 0,
    canceled: p?.canceled ?? 0,
    requests: p?.requests ?? 0,
    rounds: p?.rounds ?? 0,
    consumedCapacity: p?.consumedCapacity ?? 0,
    itemsPerSecond: p?.itemsPerSecond ?? 0,
    concurrency: p?.concurrency ?? 0,
  });
}
