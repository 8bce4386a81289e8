import { diffItem } from '../../../../shared/changes/diff';
import type { Conflict } from '../../../../shared/contract/commit';
import type { ConflictChoice } from '../../stores/commitStore';
import { AttributeDiffRow } from '../review/AttributeDiffRow';
import { changeLabel, conflictCase } from './commitModel';
import { commitActions } from './commitFlow';

const CHOICES: { value: ConflictChoice; label: string; title: string }[] = [
  {
    value: 'overwrite',
    label: 'Overwrite',
    title: 'Send your edit; the server’s changes are lost',
  },
  { value: 'skip', label: 'Skip', title: 'Leave your edit staged and write nothing to this item' },
  {
    value: 'reload',
    label: 'Reload item',
    title: 'Drop your edit and show the server’s item in the grid',
  },
];

export interface ConflictItemProps {
  conflict: Conflict;
  choice: ConflictChoice | undefined;
}

/**
 * One item the server changed after it was loaded: what the server holds now against the image
 * the staged edit was based on (diffItem: expected → server), and the user's choice for it.
 */
export function ConflictItem({ conflict, choice }: ConflictItemProps) {
  const label = changeLabel(conflict);
  const diffs = diffItem(conflict.expected ?? undefined, conflict.server ?? undefined);
  return (
    <article className="conflict-item" aria-label={`Conflict ${label}`}>
      <header className="conflict-head">
        <span className="mono conflict-label" title={label}>
          {label}
        </span>
        <div className="segmented" role="radiogroup" aria-label={`Choice for ${label}`}>
          {CHOICES.map((c) => (
            <button
              key={c.value}
              type="button"
              role="radio"
              aria-checked={choice === c.value}
              title={c.title}
              onClick={() => commitActions.choose(conflict.id, c.value)}
            >
              {c.label}
            </button>
          ))}
        </div>
      </header>
      <p className="small muted conflict-case">
        {conflictCase(conflict)} As loaded <span className="arrow">→</span> on the server now:
      </p>
      {diffs.length === 0 ? (
        <p className="small muted">The images differ only in ways the diff does not show.</p>
      ) : (
        <ul className="diff-rows" aria-label="Expected image against server image">
          {diffs.map((d) => (
            <AttributeDiffRow key={d.name} diff={d} />
          ))}
        </ul>
      )}
    </article>
  );
}
