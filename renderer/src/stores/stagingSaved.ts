/** What "saved" means before a commit: every staged action on disk, under a known revision. */
import type { StagedChange } from '../../../shared/changes/types';
import type { PersistStatus } from '../features/staging/persistQueue';

/** staging:load's answer, as the staging store's replaceFromBackend takes it. */
export interface SavedStaging {
  entries: readonly { id: string; change: StagedChange }[];
  revision: number;
}

/**
 * Resolves once `idle` does with the revision the last save was acknowledged with; rejects when
 * entries are still unsaved then (a save failed: the screen shows more than the disk holds).
 */
export async function revisionWhenSaved(
  idle: () => Promise<void>,
  read: () => { persist: PersistStatus; savedRevision: number },
): Promise<number> {
  await idle();
  const { persist, savedRevision } = read();
  if (persist.unsaved === 0) return savedRevision;
  const what = persist.unsaved === 1 ? 'change is' : 'changes are';
  const why = persist.error ? ` (${persist.error})` : '';
  throw new Error(`${persist.unsaved} staged ${what} not saved yet${why}: retry the save first.`);
}

/** A store update keeping the highest revision acknowledged: answers may come after newer ones. */
export function laterRevision(revision: number) {
  return (s: { savedRevision: number }) => ({ savedRevision: Math.max(s.savedRevision, revision) });
}
