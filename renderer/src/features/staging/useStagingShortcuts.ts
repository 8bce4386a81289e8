import { useEffect } from 'react';
import { onEvent } from '../../api/client';
import { selectPersist, stagingActions, useStagingStore } from '../../stores/stagingStore';
import { redoVisibly, undoVisibly } from '../../stores/stageVisibly';
import { reviewActions } from '../review/reviewStore';

/** Whether a key press belongs to a text field or code editor, which has its own undo. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
    type,
  );
}

/**
 * Starts the staging area (loads what was saved) and wires its global keys: Ctrl/Cmd+Z undo,
 * Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, outside text fields and dialogs; Ctrl/Cmd+Shift+D and the
 * app menu's review-changes command toggle the review pane. Warns before leaving with unsaved work.
 */
export function useStagingShortcuts(): void {
  useEffect(() => {
    void stagingActions.init();
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'd' && e.shiftKey) {
        e.preventDefault();
        reviewActions.toggle();
        return;
      }
      if (typing(e.target) || document.querySelector('dialog[open]')) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undoVisibly();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) {
        e.preventDefault();
        redoVisibly();
      }
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      const p = selectPersist(useStagingStore.getState());
      if (p.saving || p.unsaved > 0) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    const off = onEvent('app:command', (e) => {
      if (e.command === 'review-changes') reviewActions.toggle();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
      off();
    };
  }, []);
}
