import type { TypeNote } from '../../../../../shared/dynamo/plainJson';

export interface TypeNotesProps {
  notes: readonly TypeNote[];
  /** Whether the user accepted the type changes among the notes. */
  accepted: boolean;
  onAccept(accepted: boolean): void;
}

/**
 * What plain JSON did to types it cannot spell: kept set/binary types as a quiet list, type
 * changes as a warning that needs a tick before the value can be saved.
 */
export function TypeNotes({ notes, accepted, onAccept }: TypeNotesProps) {
  const kept = notes.filter((n) => n.kind === 'kept');
  const changed = notes.filter((n) => n.kind === 'changed');
  if (notes.length === 0) return null;
  return (
    <div className="type-notes">
      {kept.length > 0 && (
        <ul className="notes-kept" aria-label="Types kept">
          {kept.map((n) => (
            <li key={n.path}>{n.message}</li>
          ))}
        </ul>
      )}
      {changed.length > 0 && (
        <div className="notes-changed" role="alert">
          <p>Plain JSON changes these types:</p>
          <ul>
            {changed.map((n) => (
              <li key={n.path}>{n.message}</li>
            ))}
          </ul>
          <label className="check">
            <input
              type="checkbox"
              checked={accepted}
              onChange={(e) => onAccept(e.target.checked)}
            />
            Change {changed.length === 1 ? 'this type' : 'these types'}
          </label>
        </div>
      )}
    </div>
  );
}

/** Whether notes block saving until the user accepts them. */
export const needsConsent = (notes: readonly TypeNote[]) => notes.some((n) => n.kind === 'changed');
