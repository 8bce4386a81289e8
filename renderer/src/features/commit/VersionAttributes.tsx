import { selectOptions, useCommitStore } from '../../stores/commitStore';
import { commitActions } from './commitFlow';

/**
 * Optimistic locking per table: the attribute that holds an item's version. Guarded writes are
 * conditioned on it still holding the loaded value and increment it, so any other writer that
 * bumps it makes the write a conflict. Batch writes do not use it.
 */
export function VersionAttributes({ tables }: { tables: readonly string[] }) {
  const o = useCommitStore(selectOptions);
  if (tables.length === 0) return null;
  const batch = o.mode !== 'guarded';
  return (
    <fieldset className="commit-versions" disabled={batch}>
      <legend className="small">
        Version attribute <span className="muted">(optional, per table)</span>
      </legend>
      <p className="small muted" id="version-help">
        {batch
          ? 'Used by guarded writes only.'
          : 'Each write checks it still holds the loaded value and adds 1; another writer’s bump is a conflict.'}
      </p>
      <div className="commit-option-row">
        {tables.map((t) => (
          <label key={t}>
            {t}{' '}
            <input
              type="text"
              className="mono"
              size={12}
              placeholder="none"
              spellCheck={false}
              aria-describedby="version-help"
              value={o.versionAttributes[t] ?? ''}
              onChange={(e) => commitActions.setVersionAttribute(t, e.target.value)}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
