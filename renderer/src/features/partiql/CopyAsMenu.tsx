import { useState } from 'react';
import { CopyAsDialog } from './CopyAsDialog';
import type { CopyChoice } from './copyAsText';

export interface CopyAsMenuProps {
  label: string;
  choices: CopyChoice[] | null;
  /** Why nothing can be copied yet (shown as the disabled button's title). */
  disabledReason?: string;
}

/** A "Copy as ▾" button: each choice opens its snippet, ready to copy. */
export function CopyAsMenu({ label, choices, disabledReason }: CopyAsMenuProps) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<{ title: string; text: string } | null>(null);
  return (
    <span className="copy-as">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!choices}
        title={choices ? undefined : disabledReason}
        onClick={() => setOpen(!open)}
      >
        {label} ▾
      </button>
      {open && choices && (
        <div role="menu" aria-label={label} className="copy-as-menu">
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                setShown({ title: c.label, text: c.text() });
              }}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
      {shown && <CopyAsDialog title={shown.title} text={shown.text} onClose={() => setShown(null)} />}
    </span>
  );
}
