import { useEffect } from 'react';
import type { History } from '../../../../shared/changes/history';
import { stepLabel, useStagingStore } from '../../stores/stagingStore';
import { redoVisibly, undoVisibly } from '../../stores/stageVisibly';
import { showToast } from './toastStore';

const top = (list: History['past']) => list[list.length - 1];

/**
 * A toast for every staging step ("Deleted T-00047 · Undo"), and for every undo and redo saying
 * what it undid or redid, read from the undo history as it changes.
 */
export function useHistoryToasts(): void {
  useEffect(
    () =>
      useStagingStore.subscribe((now, before) => {
        const a = before.history;
        const b = now.history;
        if (a === b) return;
        const undo = { label: 'Undo', run: () => void undoVisibly() };
        const redo = { label: 'Redo', run: () => void redoVisibly() };
        if (b.past.length === a.past.length - 1 && b.future.length === a.future.length + 1) {
          showToast(`Undid: ${stepLabel(top(b.future)) ?? 'the last step'}`, { action: redo });
        } else if (b.future.length === a.future.length - 1 && top(b.past) !== top(a.past)) {
          showToast(`Redid: ${stepLabel(top(b.past)) ?? 'the step'}`, { action: undo });
        } else if (b.future.length === 0 && top(b.past) && top(b.past) !== top(a.past)) {
          const label = stepLabel(top(b.past));
          if (label) showToast(label, { action: undo });
        }
      }),
    [],
  );
}
