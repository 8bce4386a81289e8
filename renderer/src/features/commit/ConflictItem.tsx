import { conflictRows } from '../../../../shared/changes/conflictRows';
import type { Conflict } from '../../../../shared/contract/commit';
import type { ConflictChoice } from '../../stores/commitStore';
import { useStagingStore } from '../../stores/stagingStore';
import { changeLabel, conflictCase } from './commitModel';
import { commitActions } from './commitFlow';
import { ConflictAttributes } from './ConflictAttributes';

function choices(
  yours: readonly string[],
): { value: ConflictChoice; label: string; title: string }[] {
  const mine = yours.length > 0 ? ` (${yours.join(', ')})` : '';
  return [
    {
      value: 'overwrite',
      label: 'Overwrite',
      title: `Write only your changed attributes${mine}; the server’s other changes stay`,
    },
    {
      value: 'skip',
      label: 'Skip',
      title: 'Leave your edit staged and write nothing to this item',
    },
    {
      value: 'reload',
      label: 'Reload item',
      title: 'Drop your edit and show the server’s item in the grid',
    },
  ];
}

export interface ConflictItemProps {
  conflict: Conflict;
  choice: ConflictChoice | undefined;
}

/**
 * One item the server changed after it was loaded: per attribute, the value as loaded, on the
 * server now and as staged, and the user's choice for it.
 */
export function ConflictItem({ conflict, choice }: ConflictItemProps) {
  const label = changeLabel(conflict);
  const staged = useStagingStore((s) => s.staging.changes.get(conflict.id));
  const stagedImage = staged === undefined || staged.kind === 'delete' ? null : staged.item;
  const rows = conflictRows(conflict.expected, conflict.server, stagedImage);
  const yours = rows.filter((r) => r.yours).map((r) => r.name);
  return (
    <article className="conflict-item" aria-label={`Conflict ${label}`}>
      <header className="conflict-head">
        <span className="mono conflict-label" title={label}>
          {label}
        </span>
        <div className="segmented" role="radiogroup" aria-label={`Choice for ${label}`}>
          {choices(yours).map((c) => (
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
      <p className="small muted conflict-case">{conflictCase(conflict)}</p>
      {rows.length === 0 ? (
        <p className="small muted">The images differ only in ways the diff does not show.</p>
      ) : (
        <ConflictAttributes rows={rows} stagedDelete={staged?.kind === 'delete'} label={label} />
      )}
      {yours.length > 0 && staged?.kind !== 'delete' && (
        <p className="small muted" data-testid="overwrite-writes">
          Overwrite writes only {yours.join(', ')}.
        </p>
      )}
    </article>
  );
}
