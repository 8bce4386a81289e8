import type { Changes, Patch, PatchEntry, StagedChange } from './types';

/**
 * A copy-on-write view of the changes for one step: the first write copies the map once, and the
 * ids the step touched are remembered so that its patch lists only those. An id the base does not
 * hold was nothing before the step, so for those (all of them, in a bulk edit of new items) only
 * the id is listed; ids the base holds keep their first value.
 */
export class StepDraft {
  private copy: Map<string, StagedChange> | null = null;
  private readonly before = new Map<string, StagedChange>();
  private readonly fresh: string[] = [];
  /** Whether an id that was not in the base left again: `fresh` may then list it twice. */
  private refreshed = false;

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
    const old = this.base.size > 0 ? this.base.get(id) : undefined;
    if (old !== undefined) {
      if (!this.before.has(id)) this.before.set(id, old);
    } else if (was === undefined) this.fresh.push(id);
    else if (change === undefined) this.refreshed = true;
    if (change) copy.set(id, change);
    else copy.delete(id);
  }

  /** The resulting changes (the base itself when nothing changed) and the step's patch. */
  finish(): { changes: Changes; patch: Patch } {
    const entries: PatchEntry[] = [];
    for (const [id, before] of this.before) {
      const after = this.get(id);
      if (before === after) continue;
      const entry: PatchEntry = { id, before };
      if (after) entry.after = after;
      entries.push(entry);
    }
    const listed = this.refreshed ? new Set<string>() : null;
    for (const id of this.fresh) {
      const after = this.get(id);
      if (after === undefined || listed?.has(id)) continue;
      listed?.add(id);
      entries.push({ id, after });
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
