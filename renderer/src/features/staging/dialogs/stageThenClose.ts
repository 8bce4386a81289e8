import { flushSync } from 'react-dom';
import type { Edit } from '../../../../../shared/changes/types';
import { stageVisibly } from '../../../stores/stageVisibly';
import type { StageResult, TableSchema } from '../../../stores/stagingStore';

/**
 * A dialog's Stage: stageVisibly, and on success the dialog closes in the render that shows the
 * staged rows (flushSync takes the store's pending render with it). Closed a render later, as a
 * `.then` did, the dialog first rendered again over the staged changes: a bulk edit's preview was
 * built once more over its 10,000 rows. A refused edit leaves the dialog open, with its input.
 */
export function stageThenClose(
  edit: Edit,
  schemas: readonly TableSchema[],
  onClose: () => void,
): Promise<StageResult> {
  return stageVisibly(edit, schemas, undefined, (r) => {
    if (r.ok) flushSync(onClose);
  });
}
