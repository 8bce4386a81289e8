import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** A modal dialog over the app: Escape or the close button closes it; focus starts inside. */
export function Modal({ title, onClose, children, wide }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current
      ?.querySelector<HTMLElement>('textarea, input, select, button:not(.b-modal-close)')
      ?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="b-modal-backdrop">
      <div
        ref={ref}
        className={`b-modal${wide ? ' b-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="b-modal-head">
          <h3>{title}</h3>
          <button
            type="button"
            className="ghost b-modal-close"
            aria-label="Close"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
