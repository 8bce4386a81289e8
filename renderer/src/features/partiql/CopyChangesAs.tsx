import type { StagedChange } from '../../../../shared/changes/types';
import { CopyAsMenu } from './CopyAsMenu';
import { changeChoices } from './copyAsText';

/** "Copy changes as ▾" in the review: the shown staged changes as PartiQL or CLI commands. */
export function CopyChangesAs({ changes }: { changes: readonly StagedChange[] }) {
  return (
    <CopyAsMenu
      label="Copy changes as"
      choices={changes.length > 0 ? changeChoices(changes) : null}
      disabledReason="Nothing is staged."
    />
  );
}
