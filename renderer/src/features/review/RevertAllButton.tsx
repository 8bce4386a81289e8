import { useState } from 'react';
import { revertVisibly } from '../../stores/stageVisibly';
import { Dialog } from '../../ui/Dialog';

export interface RevertAllButtonProps {
  /** Ids the filters show; every staged change when `filtered` is false. */
  ids: readonly string[];
  filtered: boolean;
}

/** Reverts everything staged (or all the filters show), after a confirmation; one undo step. */
export function RevertAllButton({ ids, filtered }: RevertAllButtonProps) {
  const [asking, setAsking] = useState(false);
  const n = ids.length.toLocaleString('en-US');
  const revert = () => {
    void revertVisibly(ids, !filtered);
    setAsking(false);
  };
  return (
    <>
      <button
        type="button"
        className="danger-ghost"
        disabled={ids.length === 0}
        onClick={() => setAsking(true)}
      >
        {filtered ? `Revert ${n} shown…` : 'Revert all…'}
      </button>
      {asking && (
        <Dialog
          title={filtered ? `Revert ${n} shown changes?` : `Revert all ${n} staged changes?`}
          size="small"
          onClose={() => setAsking(false)}
          footer={
            <>
              <button type="button" onClick={() => setAsking(false)}>
                Keep them
              </button>
              <button type="button" className="danger" autoFocus onClick={revert}>
                Revert {n}
              </button>
            </>
          }
        >
          <p>
            The staged edits are dropped; the tables are not touched. Until you commit or reload,
            Undo (Ctrl+Z) brings them back.
          </p>
        </Dialog>
      )}
    </>
  );
}
