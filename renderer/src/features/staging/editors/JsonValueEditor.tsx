import { useState } from 'react';
import { TYPE_LABELS, typeOf } from '../../../../../shared/dynamo/types';
import type { AttributeValue } from '../../../../../shared/dynamo/types';
import { CodeEditor } from './CodeEditor';
import type { ValueEditorProps } from './editorTypes';
import { FormatToggle } from './FormatToggle';
import { parseValueText, valueText } from '../../../../../shared/values/jsonValue';
import type { JsonFormat, ValueParse } from '../../../../../shared/values/jsonValue';
import { TypeNotes, needsConsent } from './TypeNotes';

/**
 * A map or list in a JSON code editor, as plain JSON or DynamoDB JSON. Plain JSON keeps nested
 * set and binary types from the original; any type it changes must be accepted first, and the
 * value must stay a map (or list): changing that is the explicit "Change type" action.
 */
export function JsonValueEditor({
  initial,
  onChange,
  onSubmit,
  label,
  type,
}: ValueEditorProps & { type: 'M' | 'L' }) {
  const start: AttributeValue = initial ?? (type === 'M' ? { M: {} } : { L: [] });
  const [format, setFormat] = useState<JsonFormat>('plain');
  const [text, setText] = useState(() => valueText(start, 'plain'));
  const [accepted, setAccepted] = useState(false);
  const [parsed, setParsed] = useState<ValueParse>(() =>
    parseValueText(text, 'plain', initial, label),
  );

  const report = (r: ValueParse, ok: boolean) => {
    if (!r.ok) return onChange(r);
    const got = typeOf(r.value);
    if (got !== type) {
      return onChange({
        ok: false,
        error: `The text is a ${TYPE_LABELS[got]} (${got}), not a ${TYPE_LABELS[type]}; use Change type to change it.`,
      });
    }
    if (needsConsent(r.notes) && !ok)
      return onChange({ ok: false, error: 'Accept the type changes first.' });
    onChange({ ok: true, value: r.value });
  };
  const edit = (next: string) => {
    setText(next);
    const r = parseValueText(next, format, initial, label);
    setParsed(r);
    report(r, accepted);
  };
  const switchFormat = (f: JsonFormat) => {
    if (!parsed.ok || f === format) return;
    const next = valueText(parsed.value, f);
    setFormat(f);
    setText(next);
    const r = parseValueText(next, f, initial, label);
    setParsed(r);
    report(r, accepted);
  };

  const wrongType = parsed.ok && typeOf(parsed.value) !== type;
  return (
    <div className="value-editor json-value-editor">
      <FormatToggle
        format={format}
        onChange={switchFormat}
        disabledReason={parsed.ok ? null : 'Fix the JSON first'}
      />
      <CodeEditor value={text} onChange={edit} onSubmit={onSubmit} label={label} height="12rem" />
      {!parsed.ok && <p className="field-error">{parsed.error}</p>}
      {wrongType && (
        <p className="field-error">
          The text is a {TYPE_LABELS[typeOf(parsed.value)]}, not a {TYPE_LABELS[type]}: use Change
          type for that.
        </p>
      )}
      {parsed.ok && (
        <TypeNotes
          notes={parsed.notes}
          accepted={accepted}
          onAccept={(a) => {
            setAccepted(a);
            report(parsed, a);
          }}
        />
      )}
    </div>
  );
}
