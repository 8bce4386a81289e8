import { useState } from 'react';
import { TYPE_LABELS, typeOf } from '../../../../../shared/dynamo/types';
import type { ValueEditorProps } from './editorTypes';
import { buildSet, memberIdentity, parseMember } from '../../../../../shared/values/valueParse';
import type { SetType } from '../../../../../shared/values/valueParse';

function membersOf(v: ValueEditorProps['initial']): string[] {
  if (!v) return [];
  if ('SS' in v) return v.SS;
  if ('NS' in v) return v.NS;
  if ('BS' in v) return v.BS;
  return [];
}

/**
 * A set as chips: Enter adds the typed member; a duplicate (NS compared by value, BS by bytes) is
 * refused, and so is removing the last member (DynamoDB has no empty sets).
 */
export function SetEditor({
  initial,
  onChange,
  onSubmit,
  label,
  type,
}: ValueEditorProps & { type: SetType }) {
  const [members, setMembers] = useState<string[]>(() => membersOf(initial));
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const kind = TYPE_LABELS[type];

  const commit = (next: string[]) => {
    setMembers(next);
    onChange(buildSet(type, next));
  };
  const add = (): boolean => {
    const text = draft.trim();
    if (text === '') return false;
    const m = parseMember(type, text);
    if (!m.ok) {
      setMessage(m.error);
      return true;
    }
    const id = memberIdentity(type, m.value);
    const dup = members.find((x) => memberIdentity(type, x) === id);
    if (dup !== undefined) {
      setMessage(`"${dup}" is already in the set; set members must differ.`);
      return true;
    }
    setMessage(null);
    setDraft('');
    commit([...members, m.value]);
    return true;
  };
  const remove = (i: number) => {
    if (members.length === 1) {
      setMessage(`A ${kind} cannot be empty; remove the attribute instead.`);
      return;
    }
    setMessage(null);
    commit(members.filter((_, j) => j !== i));
  };

  return (
    <div className="value-editor set-editor">
      <ul className="chips" aria-label={`Members of ${label}`}>
        {members.map((m, i) => (
          <li key={`${i}:${m}`} className="chip">
            <span className={type === 'SS' ? '' : 'mono'}>{m}</span>
            <button
              type="button"
              className="ghost chip-remove"
              aria-label={`Remove ${m}`}
              title={members.length === 1 ? `A ${kind} cannot be empty` : `Remove ${m}`}
              aria-disabled={members.length === 1}
              onClick={() => remove(i)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <input
          aria-label={`New member of ${label}`}
          autoFocus
          className={type === 'SS' ? '' : 'mono'}
          placeholder={type === 'NS' ? 'a number' : type === 'BS' ? 'base64' : 'text'}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            // Enter on an empty field saves the set; otherwise it adds the member.
            if (!add()) onSubmit();
          }}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          Add
        </button>
      </div>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : (
        <p className="hint">
          {members.length} {members.length === 1 ? 'member' : 'members'} · a {kind} (
          {initial ? typeOf(initial) : type})
        </p>
      )}
    </div>
  );
}
