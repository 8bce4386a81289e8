/** Undo and redo as data: each step keeps only the before/after values of the ids it touched. */
import { applyEditWithPatch } from './apply';
import { applyPatch } from './stepDraft';
import type { Edit, KeySchemasByRef, Patch, StagingState } from './types';

export interface History {
  past: Patch[];
  future: Patch[];
}

export const emptyHistory: History = { past: [], future: [] };

/** The most steps kept; older ones are dropped. */
export const MAX_HISTORY_STEPS = 200;

export interface Step {
  state: StagingState;
  history: History;
}

/**
 * Applies `edit` as one undoable step and clears the redo list; an edit that changes nothing
 * leaves both state and history as they were.
 */
export function stageStep(
  state: StagingState,
  history: History,
  edit: Edit,
  keySchemas: KeySchemasByRef,
): Step {
  const { state: next, patch } = applyEditWithPatch(state, edit, keySchemas);
  if (patch.entries.length === 0) return { state, history };
  const past = [...history.past, patch];
  if (past.length > MAX_HISTORY_STEPS) past.splice(0, past.length - MAX_HISTORY_STEPS);
  return { state: next, history: { past, future: [] } };
}

/** Reverts the last step (in O(ids it touched)) and makes it redoable; a no-op with no past. */
export function undo(state: StagingState, history: History): Step {
  const patch = history.past[history.past.length - 1];
  if (!patch) return { state, history };
  return {
    state: { changes: applyPatch(state.changes, patch, 'undo') },
    history: { past: history.past.slice(0, -1), future: [...history.future, patch] },
  };
}

/** Re-applies the last undone step; a no-op when nothing was undone. */
export function redo(state: StagingState, history: History): Step {
  const patch = history.future[history.future.length - 1];
  if (!patch) return { state, history };
  return {
    state: { changes: applyPatch(state.changes, patch, 'redo') },
    history: { past: [...history.past, patch], future: history.future.slice(0, -1) },
  };
}
