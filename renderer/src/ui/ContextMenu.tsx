import { useEffect, useRef } from 'react';
import { rememberFocus } from './focus';

export interface MenuAction {
  label: string;
  shortcut?: string;
  run: () => void;
}

export interface ContextMenuProps {
  x: number;
  y: number;
  label: string;
  actions: MenuAction[];
  onClose: () => void;
}

/** A small menu at the pointer; closes on Escape, on a click elsewhere, or after an action. */
export function ContextMenu({ x, y, label, actions, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Callers pass a new onClose each render; the focus effect must run once per opening.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const restore = rememberFocus();
    ref.current?.querySelector('button')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) closeRef.current();
    };
    window.addEventListener('mousedown', away);
    return () => {
      window.removeEventListener('mousedown', away);
      restore();
    };
  }, []);
  const left = Math.min(x, window.innerWidth - 240);
  const top = Math.min(y, window.innerHeight - 40 - actions.length * 30);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          onClose();
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll('button') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
          items[next]?.focus();
        }
      }}
    >
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          role="menuitem"
          onClick={() => {
            onClose();
            a.run();
          }}
        >
          <span>{a.label}</span>
          {a.shortcut && <kbd>{a.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
