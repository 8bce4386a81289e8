import { useState } from 'react';
import { base64ByteLength } from '../../../../../shared/dynamo/binary';
import type { ValueEditorProps } from './editorTypes';
import { base64ToHex, parseBinaryText } from '../../../../../shared/values/valueParse';
import type { BinaryEncoding } from '../../../../../shared/values/valueParse';

/** Binary data typed as base64 or hex; switching the encoding rewrites the text. */
export function BinaryEditor({ initial, onChange, onSubmit, label }: ValueEditorProps) {
  const [encoding, setEncoding] = useState<BinaryEncoding>('base64');
  const [text, setText] = useState(initial && 'B' in initial ? initial.B : '');
  const parsed = parseBinaryText(text, encoding);
  const update = (next: string, enc: BinaryEncoding) => {
    setText(next);
    const r = parseBinaryText(next, enc);
    onChange(r.ok ? { ok: true, value: { B: r.value } } : r);
  };
  const switchTo = (enc: BinaryEncoding) => {
    if (enc === encoding) return;
    setEncoding(enc);
    if (!parsed.ok) return update(text, enc);
    update(enc === 'hex' ? (base64ToHex(parsed.value) ?? '') : parsed.value, enc);
  };
  return (
    <div className="value-editor">
      <div className="segmented" role="radiogroup" aria-label="Encoding">
        {(['base64', 'hex'] as const).map((enc) => (
          <button
            key={enc}
            type="button"
            role="radio"
            aria-checked={encoding === enc}
            tabIndex={encoding === enc ? 0 : -1}
            onClick={() => switchTo(enc)}
          >
            {enc}
          </button>
        ))}
      </div>
      <textarea
        aria-label={label}
        autoFocus
        className="mono"
        rows={3}
        spellCheck={false}
        value={text}
        aria-invalid={!parsed.ok}
        onChange={(e) => update(e.target.value, encoding)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {parsed.ok ? (
        <p className="hint">{base64ByteLength(parsed.value).toLocaleString('en-US')} bytes</p>
      ) : (
        <p className="field-error">{parsed.error}</p>
      )}
    </div>
  );
}
