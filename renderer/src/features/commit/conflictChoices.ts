/** The user's choices in the conflict view (overwrite, reload, skip), kept in the commit store. */
import { useCommitStore, type ConflictChoice } from '../../stores/commitStore';

const set = useCommitStore.setState;

export function choose(id: string, choice: ConflictChoice): void {
  set((s) =>
    s.conflicts
      ? { conflicts: { ...s.conflicts, choices: { ...s.conflicts.choices, [id]: choice } } }
      : {},
  );
}

export function chooseMany(choices: Record<string, ConflictChoice>): void {
  set((s) =>
    s.conflicts
      ? { conflicts: { ...s.conflicts, choices: { ...s.conflicts.choices, ...choices } } }
      : {},
  );
}
