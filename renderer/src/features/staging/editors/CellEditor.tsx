import { useState } from 'react';
import '../staging.css';
import { ATTR_TYPES, TYPE_LABELS, typeOf } from '../../../../../shared/dynamo/types';
import type { AttributeValue, AttrType, KeyType } from '../../../../../shared/dynamo/types';
import { BinaryEditor } from './BinaryEditor';
import { BooleanEditor } from './BooleanEditor';
import { JsonValueEditor } from './JsonValueEditor';
import { NumberEditor } from './NumberEditor';
import { SetEditor } from './SetEditor';
import { StringEditor } from './StringEditor';
import { convertValue, fail, isSetType, ok } from '../../../../../shared/values/valueParse';
import type { Parsed } from '../../../../../shared/values/valueParse';

export interface CellEditorProps {
  /** The value now; undefined for an attribute the item does not have yet. */
  value?: AttributeValue;
  /** The attribute's name (shown, and used in messages). */
  attribute: string;
  /** For a key attribute: its declared type, which the editor does not let change. */
  keyType?: KeyType;
  onStage(value: AttributeValue): void;
  onCancel(): void;
}

/** What a fresh editor of `type` holds before anything is typed. */
function startResult(type: AttrType, seed: AttributeValue | undefined): Parsed<AttributeValue> {
  if (seed) return ok(seed);
  if (type === 'N') return fail('Type a number.');
  if (isSetType(type)) return fail('Add a member: a set cannot be empty.');
  const empty: Partial<Record<AttrType, AttributeValue>> = {
    S: { S: '' },
    B: { B: '' },
    BOOL: { BOOL: true },
    NULL: { NULL: true },
    M: { M: {} },
    L: { L: [] },
  };
  return ok(empty[type] as AttributeValue);
}

/**
 * Edits one attribute value with an editor per type (string, number checked as DynamoDB reads
 * it, boolean, null, binary as base64 or hex, sets as chips, maps and lists as JSON). Changing
 * the type is an explicit action, converting the value where its content carries over. Meant to
 * sit in a grid popover: Escape cancels, Enter (Ctrl/Cmd+Enter in multi-line editors) saves.
 */
export function CellEditor({ value, attribute, keyType, onStage, onCancel }: CellEditorProps) {
  const original = value ? typeOf(value) : undefined;
  const [type, setType] = useState<AttrType>(original ?? keyType ?? 'S');
  const [seed, setSeed] = useState<AttributeValue | undefined>(value);
  const [result, setResult] = useState<Parsed<AttributeValue>>(() => startResult(type, value));
  const [notice, setNotice] = useState<string | null>(null);

  const changeType = (next: AttrType) => {
    const typed = result.ok ? result.value : seed;
    // An empty string or binary carries nothing over: the new type starts empty, without a notice.
    const empty =
      typed !== undefined && (('S' in typed && typed.S === '') || ('B' in typed && typed.B === ''));
    const from = empty ? undefined : typed;
    const converted = from ? convertValue(from, next) : null;
    const nextSeed = converted?.ok ? converted.value : undefined;
    setNotice(converted && !converted.ok ? `${converted.error} Enter a new value.` : null);
    setType(next);
    setSeed(nextSeed);
    setResult(startResult(next, nextSeed));
  };
  const submit = () => {
    if (result.ok) onStage(result.value);
  };

  const props = { initial: seed, onChange: setResult, onSubmit: submit, label: attribute };
  const typeChange = original !== undefined && original !== type;
  return (
    <div
      className="cell-editor"
      role="group"
      aria-label={`Edit ${attribute}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="cell-editor-head">
        <span className="attr-name">{attribute}</span>
        {keyType ? (
          <span className="badge" title="Key attributes keep their declared type">
            key · {keyType}
          </span>
        ) : (
          <label className="type-select">
            <span className="label">Type</span>
            <select
              aria-label="Change type"
              value={type}
              onChange={(e) => changeType(e.target.value as AttrType)}
            >
              {ATTR_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t} · {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {typeChange && (
        <p className="type-change" role="status">
          Type change: {TYPE_LABELS[original]} ({original}) → {TYPE_LABELS[type]} ({type}). The
          review shows it as a type change.
        </p>
      )}
      {notice && <p className="field-error">{notice}</p>}
      <div key={type}>
        {type === 'S' && <StringEditor {...props} />}
        {type === 'N' && <NumberEditor {...props} />}
        {type === 'BOOL' && <BooleanEditor {...props} />}
        {type === 'NULL' && <p className="hint">The attribute holds NULL.</p>}
        {type === 'B' && <BinaryEditor {...props} />}
        {isSetType(type) && <SetEditor {...props} type={type} />}
        {(type === 'M' || type === 'L') && <JsonValueEditor {...props} type={type} />}
      </div>
      <div className="cell-editor-foot">
        {!result.ok && <span className="field-error small">{result.error}</span>}
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!result.ok} onClick={submit}>
          Save
        </button>
      </div>
    </div>
  );
}
