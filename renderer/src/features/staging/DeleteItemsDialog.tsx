import { useState } from 'react';
import type { Edit, ItemTarget } from '../../../../shared/changes/types';
import type { KeySchema } from '../../../../shared/dynamo/types';
import { stagingActions } from '../../stores/stagingStore';
import { keyText } from './describeKey';
import { Dialog } from './Dialog';

export interface DeleteItemsDialogProps {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
  /** The selected items (a staged new item is simply un-staged). */
  targets: readonly ItemTarget[];
  onClose(): void;
}

const SHOWN = 8;

/** Stages deletes of the selected items in one undo step, after saying which. */
export function DeleteItemsDialog({
  connectionId,
  table,
  keySchema,
  targets,
  onClose,
}: DeleteItemsDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const stage = () => {
    const edit: Edit = {
      type: 'batch',
      edits: targets.map((target) => ({ type: 'deleteItem', target })),
    };
    const r = stagingActions.stage(edit, [{ connectionId, table, keySchema }]);
    if (r.ok) onClose();
    else setError(r.error);
  };
  const n = targets.length;
  return (
    <Dialog
      title={`Delete ${n.toLocaleString('en-US')} ${n === 1 ? 'item' : 'items'}`}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={stage} disabled={n === 0}>
            Stage {n === 1 ? 'delete' : `${n.toLocaleString('en-US')} deletes`}
          </button>
        </>
      }
    >
      <p>Nothing is deleted until you commit; the review lists every staged delete.</p>
      <ul className="key-list">
        {targets.slice(0, SHOWN).map((t, i) => (
          <li key={i} className="mono">
            {keyText(t.key, keySchema)}
          </li>
        ))}
        {n > SHOWN && <li className="muted">…and {(n - SHOWN).toLocaleString('en-US')} more</li>}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </Dialog>
  );
}
