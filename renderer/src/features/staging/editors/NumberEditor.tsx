import { useState } from 'react';
import type { ValueEditorProps } from './editorTypes';
import { parseNumberText } from '../../../../../shared/values/valueParse';

/** A number, checked as DynamoDB reads it: up to 38 significant digits, 1E-130 to 9.99…E+125. */
export function NumberEditor({ initial, onChange, onSubmit, label }: ValueEditorProps) {
  const [text, setText] = useState(initial && 'N' in initial ? initial.N : '');
  const parsed = parseNumberText(text);
  return (
    <div className="value-editor">
      <input
        aria-label={label}
        autoFocus
        inputMode="decimal"
        spellCheck={false}
        className="mono"
        value={text}
        aria-invalid={!parsed.ok}
        onChange={(e) => {
          setText(e.target.value);
          const r = parseNumberText(e.target.value);
          onChange(r.ok ? { ok: true, value: { N: r.value } } : r);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {parsed.ok ? (
        <p className="hint">Kept exactly as typed, never rounded.</p>
      ) : (
        text !== '' && <p className="field-error">{parsed.error}</p>
      )}
    </div>
  );
}
