import { useState } from 'react';
import { utf8Length } from '../../../../../shared/dynamo/binary';
import type { ValueEditorProps } from './editorTypes';

/** A string: Enter saves, Shift+Enter starts a new line. */
export function StringEditor({ initial, onChange, onSubmit, label }: ValueEditorProps) {
  const [text, setText] = useState(initial && 'S' in initial ? initial.S : '');
  const lines = Math.min(10, Math.max(2, text.split('\n').length));
  return (
    <div className="value-editor">
      <textarea
        aria-label={label}
        autoFocus
        rows={lines}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange({ ok: true, value: { S: e.target.value } });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      <p className="hint">
        {text.length.toLocaleString('en-US')} characters, {utf8Length(text).toLocaleString('en-US')}{' '}
        bytes · Shift+Enter for a new line
      </p>
    </div>
  );
}
