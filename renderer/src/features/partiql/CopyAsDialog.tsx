import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';

export interface CopyAsDialogProps {
  title: string;
  text: string;
  onClose(): void;
}

/** Shows a generated snippet, selected, with a Copy button (the clipboard may be unavailable). */
export function CopyAsDialog({ title, text, onClose }: CopyAsDialogProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The clipboard is not available here: select the text and copy it.');
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="large"
      footer={
        <>
          {copied && <span role="status">{copied}</span>}
          <button type="button" className="primary" onClick={() => void copy()}>
            Copy
          </button>
        </>
      }
    >
      <textarea
        className="copy-as-text"
        aria-label={title}
        readOnly
        spellCheck={false}
        rows={Math.min(24, text.split('\n').length + 1)}
        value={text}
        onFocus={(e) => e.currentTarget.select()}
      />
    </Dialog>
  );
}
