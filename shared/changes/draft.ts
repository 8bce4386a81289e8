import type { Patch, PatchEntry, StagedChange } from './types';

type Changes = Readonly<Record<string, StagedChange>>;

/**
 * The change staged under change id `id`, if any. Change ids contain NUL characters, so they
 * can never name an inherited Object property; a plain lookup is safe.
 */
export function changeAt(changes: Changes, id: string): StagedChange | undefined {
  return changes[id];
}

/** A shallow copy; for-in is about twice as fast as spread on records with many keys. */
function copyOf(changes: Changes): Record<string, StagedChange> {
  const out: Record<string, StagedChange> = {};
  for (const id in changes) out[id] = changes[id] as StagedChange;
  return out;
}

/**
 * A copy-on-write view of the changes for one step: the first write copies the record once, and
 * the first value of every touched id is remembered so the step's patch lists only those.
 */
export class Draft {
  private copy: Record<string, StagedChange> | null = null;
  private readonly before = new Map<string, StagedChange | undefined>();

  constructor(private readonly base: Changes) {}

  /** The changes as they stand in the draft. */
  get current(): Changes {
    return this.copy ?? this.base;
  }

  get(id: string): StagedChange | undefined {
    return (this.copy ?? this.base)[id];
  }

  /** Sets what `id` holds; `was`, when the caller has it, is what get(id) returns now. */
  set(id: string, change: StagedChange | undefined, was = this.get(id)): void {
    const copy = (this.copy ??= copyOf(this.base));
    if (was === change) return;
    if (!this.before.has(id)) this.before.set(id, was);
    if (change) copy[id] = change;
    else delete copy[id];
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
  const out = copyOf(changes);
  for (const e of patch.entries) {
    const value = direction === 'undo' ? e.before : e.after;
    if (value) out[e.id] = value;
    else delete out[e.id];
  }
  return out;
}
