/**
 * Staging actions that can take the main thread for a while: from VISIBLE_RUN_MIN rows on, the
 * busy pill names the action and paints before it runs (see runVisibly); smaller ones run at once.
 */
import type { Edit } from '../../../shared/changes/types';
import { runVisibly } from './busyStore';
import {
  stagingActions,
  useStagingStore,
  type StageResult,
  type TableSchema,
} from './stagingStore';

const fmt = (n: number) => n.toLocaleString('en-US');

/** How many rows an edit touches, roughly: a batch's edits, else one. */
export function editSize(edit: Edit): number {
  return edit.type === 'batch' ? edit.edits.length : 1;
}

/**
 * stagingActions.stage, with the busy pill showing "Staging N changes…" first when it is big.
 * `onStaged` runs at once after the stage, before React renders it: a dialog that closes on
 * success closes in that same render, rather than rendering its preview of 10,000 rows over the
 * staged changes first and closing a render later.
 */
export function stageVisibly(
  edit: Edit,
  schemas: readonly TableSchema[] = [],
  label?: string,
  onStaged?: (r: StageResult) => void,
): Promise<StageResult> {
  const n = editSize(edit);
  return runVisibly(`Staging ${fmt(n)} changes…`, n, () => {
    const r = stagingActions.stage(edit, schemas, label);
    onStaged?.(r);
    return r;
  });
}

function visibly(step: () => boolean, stack: 'past' | 'future', verb: string) {
  return (): boolean => {
    const n = useStagingStore.getState().history[stack].at(-1)?.entries.length ?? 0;
    void runVisibly(`${verb} ${fmt(n)} changes…`, n, step);
    return n > 0;
  };
}

/** stagingActions.undo, with "Undoing N changes…" showing first when the step is big. */
export const undoVisibly = visibly(() => stagingActions.undo(), 'past', 'Undoing');
/** stagingActions.redo, with "Redoing N changes…" showing first when the step is big. */
export const redoVisibly = visibly(() => stagingActions.redo(), 'future', 'Redoing');

/**
 * Reverts `ids` (or, when `all`, everything staged) as one undo step, with "Reverting N changes…"
 * showing first when it is big.
 */
export function revertVisibly(ids: readonly string[], all: boolean): Promise<StageResult> {
  const n = ids.length;
  return runVisibly(`Reverting ${fmt(n)} changes…`, n, () =>
    all ? stagingActions.revertAll() : stagingActions.revertIds(ids),
  );
}
