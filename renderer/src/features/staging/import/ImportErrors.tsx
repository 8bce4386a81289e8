import type { ImportError } from '../../../../../shared/import/importMapping';

const SHOWN = 50;

/** Every problem of the import, by row and column (the first fifty, and how many more). */
export function ImportErrors({ errors }: { errors: readonly ImportError[] }) {
  if (errors.length === 0) return <p className="ok-note">No errors: every row can be staged.</p>;
  return (
    <div className="import-errors">
      <p className="field-error">
        {errors.length.toLocaleString('en-US')} {errors.length === 1 ? 'problem' : 'problems'}:
      </p>
      <ul aria-label="Import errors">
        {errors.slice(0, SHOWN).map((e, i) => (
          <li key={i}>
            Row {e.line}
            {e.column ? `, ${e.column}` : ''}: {e.message}
          </li>
        ))}
        {errors.length > SHOWN && (
          <li className="muted">…and {(errors.length - SHOWN).toLocaleString('en-US')} more</li>
        )}
      </ul>
    </div>
  );
}
