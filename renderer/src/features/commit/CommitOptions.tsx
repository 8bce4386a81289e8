import { useEffect, useState } from 'react';
import { selectOptions, useCommitStore } from '../../stores/commitStore';
import { commitActions } from './commitFlow';
import { VersionAttributes } from './VersionAttributes';
import { WriteModeChoice } from './WriteModeChoice';

function clampInt(text: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/**
 * Drift check, read-back, starting concurrency and retry rounds, folded under one summary line.
 * They fold away when a commit starts, so its progress has the room.
 */
export function CommitOptions({
  disabled,
  tables = [],
}: {
  disabled: boolean;
  /** The tables the commit writes, for their version attributes. */
  tables?: readonly string[];
}) {
  const o = useCommitStore(selectOptions);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (disabled) setOpen(false);
  }, [disabled]);
  const versions = Object.entries(o.versionAttributes).filter(
    ([t, n]) => n.trim() !== '' && tables.includes(t),
  );
  const summary = [
    o.mode === 'atomic' ? (o.atomicScope === 'all' ? 'atomic, everything or nothing' : 'atomic') : o.mode,
    o.mode !== 'batch' && versions.length > 0
      ? `version ${versions.map(([t, n]) => `${t}.${n.trim()}`).join(', ')}`
      : null,
    // Atomic: the conditions are in the transaction.
    o.mode === 'atomic' ? null : o.driftCheck ? 'drift check' : 'no drift check',
    o.readBack ? 'read-back' : null,
    `concurrency ${o.concurrency}`,
    o.maxRounds === null ? 'retry until no progress for 60 s' : `max rounds ${o.maxRounds}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <details className="commit-options" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Options <span className="muted small">{summary}</span>
      </summary>
      <fieldset disabled={disabled}>
        <WriteModeChoice />
        <VersionAttributes tables={tables} />
        <div className="commit-option-row">
          <label title="Reads every updated or deleted item first and stops if the server changed it">
            <input
              type="checkbox"
              checked={o.driftCheck}
              onChange={(e) => commitActions.setOptions({ driftCheck: e.target.checked })}
            />{' '}
            Check for drift first
          </label>
          <label title="Reads the written items back and reports any the server holds differently">
            <input
              type="checkbox"
              checked={o.readBack}
              onChange={(e) => commitActions.setOptions({ readBack: e.target.checked })}
            />{' '}
            Read back after commit
          </label>
        </div>
        <div className="commit-option-row">
          <label title="Requests in flight at the start (1–8); it adapts to throttling">
            Concurrency{' '}
            <input
              type="number"
              min={1}
              max={8}
              value={o.concurrency}
              onChange={(e) =>
                commitActions.setOptions({
                  concurrency: clampInt(e.target.value, 1, 8, o.concurrency),
                })
              }
            />
          </label>
          <label title="Optional cap on retry rounds per operation (1–50). Empty: retry until DynamoDB says no, or no progress for 60 s">
            Max rounds{' '}
            <input
              type="number"
              min={1}
              max={50}
              placeholder="no limit"
              value={o.maxRounds ?? ''}
              onChange={(e) =>
                commitActions.setOptions({
                  maxRounds:
                    e.target.value.trim() === ''
                      ? null
                      : clampInt(e.target.value, 1, 50, o.maxRounds ?? 10),
                })
              }
            />
          </label>
          <button type="button" className="ghost small" onClick={commitActions.resetOptions}>
            Defaults
          </button>
        </div>
      </fieldset>
    </details>
  );
}
