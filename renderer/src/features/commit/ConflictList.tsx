import type { OpenConflicts } from '../../stores/commitStore';
import { allChosen, chooseAll, conflictHeadline } from './commitModel';
import { commitActions } from './commitFlow';
import { ConflictItem } from './ConflictItem';
import { fmt, plural } from './format';

const SHOWN = 100;

/**
 * Items changed on the server since they were loaded: found by the drift check (nothing was
 * written) or refused while writing (the heading says what was written besides); each needs a
 * choice (overwrite, skip, reload) before the commit runs again.
 */
export function ConflictList({ conflicts }: { conflicts: OpenConflicts }) {
  const { list } = conflicts;
  const ready = allChosen(conflicts);
  return (
    <section className="commit-conflicts" aria-label="Conflicts">
      <header className="commit-section-head">
        <strong>{conflictHeadline(conflicts)}</strong>
      </header>
      <div className="conflict-all">
        <span className="small muted">For all:</span>
        <button
          type="button"
          className="small"
          onClick={() => commitActions.chooseMany(chooseAll(conflicts, 'overwrite'))}
        >
          Overwrite all
        </button>
        <button
          type="button"
          className="small"
          onClick={() => commitActions.chooseMany(chooseAll(conflicts, 'skip'))}
        >
          Skip all
        </button>
        <button
          type="button"
          className="small"
          onClick={() => commitActions.chooseMany(chooseAll(conflicts, 'reload'))}
        >
          Reload all
        </button>
      </div>
      <div className="conflict-items">
        {list.slice(0, SHOWN).map((c) => (
          <ConflictItem key={c.id} conflict={c} choice={conflicts.choices[c.id]} />
        ))}
        {list.length > SHOWN && (
          <p className="small muted">
            …and {fmt(list.length - SHOWN)} more; the “for all” buttons choose for them too.
          </p>
        )}
      </div>
      {conflicts.unchecked.length > 0 && (
        <p className="small muted">
          {plural(conflicts.unchecked.length, 'item')} could not be read for the check.
        </p>
      )}
      <footer className="conflict-foot">
        <button type="button" className="ghost" onClick={commitActions.dropConflicts}>
          Not now
        </button>
        <button
          type="button"
          className="primary"
          disabled={!ready}
          title={ready ? undefined : 'Choose for every item first'}
          onClick={() => void commitActions.applyChoices()}
        >
          Apply choices and commit
        </button>
      </footer>
    </section>
  );
}
