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
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);
  return (
    <div
      className="b-popover-anchor"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
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
