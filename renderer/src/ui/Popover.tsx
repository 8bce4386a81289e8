import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface PopoverProps {
  label: string;
  /** The panel's accessible name. */
  title: string;
  children: ReactNode;
}

/** A toolbar button that opens a panel below it; Escape or a click elsewhere closes it. */
export function Popover({ label, title, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    // Escape closes it wherever the focus is: a button pressed in the panel can become disabled
    // (the last "move left"), and the focus then leaves the panel for the page.
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inside = ref.current?.contains(document.activeElement) ?? false;
      const onPage = document.activeElement === document.body || document.activeElement === null;
      if (!inside && !onPage) return;
      setOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('mousedown', away);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('mousedown', away);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <div className="b-popover-anchor" ref={ref}>
      <button ref={toggle} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label} ▾
      </button>
      {open && (
        <div className="b-popover" role="dialog" aria-label={title}>
          {children}
        </div>
      )}
    </div>
  );
}
