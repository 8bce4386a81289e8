import { useMemo, useState } from 'react';
import { diffItem } from '../../../../../shared/changes/diff';
import { dynamoJsonText, parseDynamoJsonText } from '../../../../../shared/dynamo/dynamoJson';
import { fromPlainText, plainJsonText } from '../../../../../shared/dynamo/plainJson';
import type { TypeNote } from '../../../../../shared/dynamo/plainJson';
import { keyNames, typeOf } from '../../../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { validateItem } from '../../../../../shared/dynamo/validate';
import { CodeEditor } from './CodeEditor';
import { FormatToggle } from './FormatToggle';
import type { JsonFormat } from '../../../../../shared/values/jsonValue';
import { TypeNotes } from './TypeNotes';

export interface ItemJsonEditorProps {
  /** The image to start from: the item as it stands, or the key alone for a new item. */
  item: Item;
  /** The image whose set and binary types plain JSON keeps (default: `item`). */
  original?: Item;
  keySchema: KeySchema;
  onSave(item: Item): void;
  onCancel(): void;
  saveLabel?: string;
  initialFormat?: JsonFormat;
}

type Parsed = { ok: true; item: Item; notes: TypeNote[] } | { ok: false; error: string };

function parse(text: string, format: JsonFormat, original: Item): Parsed {
  const at = (e: { line: number; column: number; message: string }) =>
    `Line ${e.line}, column ${e.column}: ${e.message}`;
  if (format === 'plain') {
    const r = fromPlainText(text, original);
    return r.ok ? { ok: true, item: r.item, notes: r.notes } : { ok: false, error: at(r.error) };
  }
  const r = parseDynamoJsonText(text);
  if (!r.ok) return { ok: false, error: at(r.error) };
  // DynamoDB JSON spells every type, so only a changed top-level type needs saying.
  const notes: TypeNote[] = diffItem(original, r.item)
    .filter((d) => d.kind === 'changed' && d.typeChanged)
    .map((d) => {
      const was = d.kind === 'changed' ? typeOf(d.before) : '';
      const now = d.kind === 'changed' ? typeOf(d.after) : '';
      return { path: d.name, kind: 'changed', message: `${d.name}: ${was} becomes ${now}` };
    });
  return { ok: true, item: r.item, notes };
}

const textOf = (item: Item, format: JsonFormat) =>
  format === 'plain' ? plainJsonText(item) : dynamoJsonText(item);

/**
 * A whole item in a CodeMirror JSON editor, as DynamoDB JSON or plain JSON. Plain JSON never
 * turns a set into a list, binary into a string, or rounds a number silently: shared/dynamo/json
 * keeps the original's types where the value fits and notes the rest, and any type change has to
 * be accepted before saving. The key must be present; other problems show as warnings (the review
 * blocks commit on them).
 */
export function ItemJsonEditor(props: ItemJsonEditorProps) {
  const { item, keySchema, onSave, onCancel, saveLabel = 'Stage' } = props;
  const original = props.original ?? item;
  const [format, setFormat] = useState<JsonFormat>(props.initialFormat ?? 'plain');
  const [text, setText] = useState(() => textOf(item, format));
  const [accepted, setAccepted] = useState(false);
  const parsed = useMemo(() => parse(text, format, original), [text, format, original]);
  const missingKey = parsed.ok
    ? keyNames(keySchema).filter((k) => parsed.item[k] === undefined)
    : [];
  const issues = useMemo(
    () => (parsed.ok ? validateItem(parsed.item, keySchema) : []),
    [parsed, keySchema],
  );
  const needsConsent = parsed.ok && parsed.notes.some((n) => n.kind === 'changed');
  const canSave = parsed.ok && missingKey.length === 0 && (!needsConsent || accepted);

  const switchFormat = (f: JsonFormat) => {
    if (!parsed.ok || f === format) return;
    setFormat(f);
    setText(textOf(parsed.item, f));
  };
  const save = () => {
    if (canSave && parsed.ok) onSave(parsed.item);
  };

  return (
    <div className="item-json-editor">
      <div className="row">
        <FormatToggle
          format={format}
          onChange={switchFormat}
          disabledReason={parsed.ok ? null : 'Fix the JSON first'}
        />
        <span className="hint">
          {format === 'plain'
            ? 'Numbers keep every digit; sets and binary keep their type where the value fits.'
            : 'Every value typed: {"S": "text"}, {"N": "12"}, {"SS": ["a"]}…'}
        </span>
      </div>
      <CodeEditor
        value={text}
        onChange={setText}
        onSubmit={save}
        label="Item JSON"
        height="20rem"
      />
      {!parsed.ok && (
        <p className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
      {missingKey.length > 0 && (
        <p className="field-error" role="alert">
          The item needs its key: {missingKey.join(', ')}.
        </p>
      )}
      {parsed.ok && <TypeNotes notes={parsed.notes} accepted={accepted} onAccept={setAccepted} />}
      {issues.length > 0 && missingKey.length === 0 && (
        <ul className="issues warn" aria-label="Problems DynamoDB would reject">
          {issues.slice(0, 8).map((i) => (
            <li key={`${i.path}:${i.code}`}>{i.message}</li>
          ))}
          {issues.length > 8 && <li>…and {issues.length - 8} more</li>}
        </ul>
      )}
      <div className="editor-foot">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!canSave} onClick={save}>
          {saveLabel}
        </button>
      </div>
    </div>
  );
}
