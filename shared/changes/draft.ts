import type { Changes, Patch, PatchEntry, StagedChange } from './types';

/**
 * A copy-on-write view of the changes for one step: the first write copies the map once, and
 * the first value of every touched id is remembered so the step's patch lists only those.
 */
export class Draft {
  private copy: Map<string, StagedChange> | null = null;
  private readonly before = new Map<string, StagedChange | undefined>();

  constructor(private readonly base: Changes) {}

  /** The changes as they stand in the draft. */
  get current(): Changes {
    return this.copy ?? this.base;
  }

  get(id: string): StagedChange | undefined {
    return (this.copy ?? this.base).get(id);
  }

  /** Sets what `id` holds; `was`, when the caller has it, is what get(id) returns now. */
  set(id: string, change: StagedChange | undefined, was = this.get(id)): void {
    if (was === change) return;
    const copy = (this.copy ??= new Map(this.base));
    if (!this.before.has(id)) this.before.set(id, was);
    if (change) copy.set(id, change);
    else copy.delete(id);
  }

  /** The resulting changes (the base itself when nothing changed) and the step's patch. */
  finish(): { changes: Changes; patch: Patch } {
    const entries: PatchEntry[] = [];
    for (const [id, before] of this.before) {
      const after = this.get(id);
      if (before === after) continue;
      const entry: PatchEntry = { id };
      if (before) entry.before = before;
      if (after) entry.after = after;
      entries.push(entry);
    }
    return { changes: entries.length ? this.current : this.base, patch: { entries } };
  }
}

/** `changes` with each entry set to its before (undo) or after (redo) value; one copy. */
export function applyPatch(changes: Changes, patch: Patch, direction: 'undo' | 'redo'): Changes {
  if (patch.entries.length === 0) return changes;
  const out = new Map(changes);
  for (const e of patch.entries) {
    const value = direction === 'undo' ? e.before : e.after;
    if (value) out.set(e.id, value);
    else out.delete(e.id);
  }
  return out;
}
