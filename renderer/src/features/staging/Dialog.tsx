import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import './staging.css';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large';
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape closes it, and it
 * is named by its title for assistive technology (and for tests: getByRole('dialog', { name })).
 */
export function Dialog({ title, onClose, children, footer, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`staging-dialog ${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="staging-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="staging-dialog-body">{children}</div>
      {footer && <footer className="staging-dialog-foot">{footer}</footer>}
    </dialog>
  );
}
