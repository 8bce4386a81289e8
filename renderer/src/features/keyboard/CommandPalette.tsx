import { useEffect, useId, useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { useTablesStore } from '../../stores/tablesStore';
import { currentCommands, MOD, useCommands, type Command } from './commandStore';
import './keyboard.css';

/** Whether every word of the query appears in the text, ignoring case. */
function matches(text: string, query: string): boolean {
  const t = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((w) => t.includes(w));
}

/**
 * Ctrl/Cmd+K: every action that can run now, with its shortcut; type to narrow, arrows to pick,
 * Enter to run. Focus goes back where it was, unless the command moved it.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey)
        return;
      e.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useCommands(() => [
    {
      id: 'palette',
      label: 'Show all commands',
      shortcut: `${MOD}+K`,
      group: 'App',
      run: () => setOpen(true),
    },
  ]);
  if (!open) return null;
  return <Palette onClose={() => setOpen(false)} />;
}

function Palette({ onClose }: { onClose(): void }) {
  // Read at each render, so what arrives while the palette is open (table names) shows up.
  useTablesStore((s) => s.names);
  const commands = currentCommands();
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const listId = useId();
  const shown = commands.filter(
    (c) => c.id !== 'palette' && matches(`${c.group} ${c.label}`, query),
  );
  const active = Math.min(at, shown.length - 1);
  const run = (c: Command | undefined) => {
    if (!c) return;
    onClose();
    // After the dialog has closed and given focus back, so the command can move it.
    setTimeout(() => c.run(), 0);
  };
  return (
    <Dialog title="Commands" onClose={onClose} size="medium">
      <input
        type="search"
        className="palette-input"
        aria-label="Search commands"
        placeholder="Type a command…"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown.length ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setAt((active + step + shown.length) % Math.max(shown.length, 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[active]);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="palette-list">
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'on' : ''}
            onMouseMove={() => setAt(i)}
            onClick={() => run(c)}
          >
            <span className="muted small palette-group">{c.group}</span>
            <span className="palette-label">{c.label}</span>
            {c.shortcut && <kbd>{c.shortcut}</kbd>}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No command matches.</li>}
      </ul>
    </Dialog>
  );
}
