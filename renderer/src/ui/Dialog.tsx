import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { confirmButton, firstField, rememberFocus, theGrid } from './focus';
import './dialog.css';

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
 * Focus starts on the first field (else the confirming button, never ×) and goes back where it
 * came from on close; Ctrl/Cmd+Enter presses the confirming button.
 */
export function Dialog({ title, onClose, children, footer, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    const restore = rememberFocus(theGrid);
    if (d && !d.open) d.showModal();
    if (d) (firstField(d) ?? confirmButton(d))?.focus();
    return () => {
      d?.close();
      restore();
    };
  }, []);
  // When the content changes under the focus (a step of a wizard), focus the new first field.
  useEffect(() => {
    const d = ref.current;
    if (d && (document.activeElement === document.body || !document.activeElement))
      (firstField(d) ?? confirmButton(d))?.focus();
  });
  return (
    <dialog
      ref={ref}
      className={`ui-dialog ${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
        const button = ref.current && confirmButton(ref.current);
        if (!button) return;
        e.preventDefault();
        button.click();
      }}
    >
      <header className="ui-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="ui-dialog-body">{children}</div>
      {footer && <footer className="ui-dialog-foot">{footer}</footer>}
    </dialog>
  );
}
