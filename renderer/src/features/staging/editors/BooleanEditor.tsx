import { useState } from 'react';
import type { ValueEditorProps } from './editorTypes';

/** true or false, as two toggle buttons; Enter saves. */
export function BooleanEditor({ initial, onChange, onSubmit, label }: ValueEditorProps) {
  const [value, setValue] = useState(initial && 'BOOL' in initial ? initial.BOOL : true);
  const pick = (v: boolean) => {
    setValue(v);
    onChange({ ok: true, value: { BOOL: v } });
  };
  return (
    <div className="value-editor bool-editor" role="radiogroup" aria-label={label}>
      {[true, false].map((v) => (
        <button
          key={String(v)}
          type="button"
          role="radio"
          aria-checked={value === v}
          tabIndex={value === v ? 0 : -1}
          className={value === v ? 'primary' : ''}
          autoFocus={value === v}
          onClick={() => pick(v)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onSubmit();
            }
          }}
        >
          {String(v)}
        </button>
      ))}
    </div>
  );
}
