/**
 * The actions the command palette offers: each part of the UI registers its own while it is on
 * screen (so the palette lists what can run now), with the shortcut that does the same.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';

export interface Command {
  id: string;
  label: string;
  /** The key that does the same, as the user reads it: "Ctrl+Shift+D". */
  shortcut?: string;
  /** A group heading in the palette: "Review", "Rows". */
  group: string;
  run(): void;
}

interface CommandState {
  /** Registered lists by owner id, in registration order. */
  owners: ReadonlyMap<string, () => readonly Command[]>;
}

export const useCommandStore = create<CommandState>(() => ({ owners: new Map() }));

/** Every command registered now, owners in registration order. */
export function currentCommands(): Command[] {
  return [...useCommandStore.getState().owners.values()].flatMap((list) => list());
}

let owners = 0;

/**
 * Registers the commands `list()` returns for as long as the calling component is mounted; the
 * list is read when the palette opens, so it reflects the state at that moment.
 */
export function useCommands(list: () => readonly Command[]): void {
  const latest = useRef(list);
  latest.current = list;
  useEffect(() => {
    const id = `owner${++owners}`;
    useCommandStore.setState((s) => {
      const next = new Map(s.owners);
      next.set(id, () => latest.current());
      return { owners: next };
    });
    return () =>
      useCommandStore.setState((s) => {
        const next = new Map(s.owners);
        next.delete(id);
        return { owners: next };
      });
  }, []);
}

/** "Ctrl" or "⌘", as the platform spells the command key. */
export const MOD =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
