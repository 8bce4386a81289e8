import { selectMode, useCommitStore } from '../../stores/commitStore';
import { commitActions } from './commitFlow';

const MODES = [
  {
    value: 'guarded',
    label: 'Guarded',
    help: 'writes only if each item is still as you loaded it; conflicts are shown',
  },
  {
    value: 'batch',
    label: 'Batch',
    help: 'grouped BatchWriteItem after a drift check; last writer wins',
  },
] as const;

/** The commit's write mode (sent as options.mode); Atomic is listed, disabled, with its reason. */
export function WriteModeChoice() {
  const mode = useCommitStore(selectMode);
  return (
    <div className="commit-option-row write-modes" role="radiogroup" aria-label="Write mode">
      {MODES.map((m) => (
        <label key={m.value}>
          <input
            type="radio"
            name="write-mode"
            value={m.value}
            checked={mode === m.value}
            onChange={() => commitActions.setOptions({ mode: m.value })}
          />{' '}
          {m.label} <span className="muted small">— {m.help}</span>
        </label>
      ))}
      <label title="Not available yet">
        <input type="radio" name="write-mode" value="atomic" disabled /> Atomic{' '}
        <span className="muted small">
          — needs an endpoint with transactions (not the sandbox); coming to the app
        </span>
      </label>
    </div>
  );
}
