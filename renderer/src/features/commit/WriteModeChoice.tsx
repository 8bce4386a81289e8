import { useEffect } from 'react';
import { selectMode, useCommitStore } from '../../stores/commitStore';
import { AtomicOptions } from './AtomicOptions';
import { commitActions } from './commitFlow';
import { useTransactionSupport } from './useTransactionSupport';

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

/**
 * The commit's write mode (sent as options.mode). Atomic is offered where every connection with
 * staged changes answers TransactWriteItems (asked, not guessed by name); elsewhere it is
 * disabled with the endpoint's reason.
 */
export function WriteModeChoice() {
  const mode = useCommitStore(selectMode);
  const support = useTransactionSupport();
  const atomicOk = support.state === 'yes';
  useEffect(() => {
    if (mode === 'atomic' && support.state === 'no') commitActions.setOptions({ mode: 'guarded' });
  }, [mode, support.state]);
  const why =
    support.state === 'no' ? support.reason : support.state === 'checking' ? 'checking whether the endpoint has transactions…' : null;
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
      <label title={why ?? 'TransactWriteItems: each transaction all or nothing'}>
        <input
          type="radio"
          name="write-mode"
          value="atomic"
          disabled={!atomicOk}
          checked={mode === 'atomic'}
          onChange={() => commitActions.setOptions({ mode: 'atomic' })}
        />{' '}
        Atomic{' '}
        <span className="muted small" data-testid="atomic-help">
          — {why ?? 'TransactWriteItems of up to 100 changes, guarded conditions, each billed twice'}
        </span>
      </label>
      {mode === 'atomic' && atomicOk && <AtomicOptions />}
    </div>
  );
}
