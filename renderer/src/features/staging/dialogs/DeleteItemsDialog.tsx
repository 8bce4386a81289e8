import { useState } from 'react';
import type { Edit, ItemTarget } from '../../../../../shared/changes/types';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { stageThenClose } from './stageThenClose';
import { Dialog } from '../../../ui/Dialog';
import { ScopeSummary, type LeftOutItems } from './ScopeSummary';

export interface DeleteItemsDialogProps {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
  /** The selected items (a staged new item is simply un-staged). */
  targets: readonly ItemTarget[];
  /** Selected rows left out, by reason. */
  leftOut?: readonly LeftOutItems[];
  onClose(): void;
}

/** Stages deletes of the selected items in one undo step, after saying which. */
export function DeleteItemsDialog({
  connectionId,
  table,
  keySchema,
  targets,
  leftOut = [],
  onClose,
}: DeleteItemsDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const stage = () => {
    const edit: Edit = {
      type: 'batch',
      edits: targets.map((target) => ({ type: 'deleteItem', target })),
    };
    void stageThenClose(edit, [{ connectionId, table, keySchema }], onClose).then((r) => {
      if (!r.ok) setError(r.error);
    });
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
      <ScopeSummary
        kind="delete"
        verb="to delete"
        items={targets.map((t) => t.key)}
        leftOut={leftOut}
        keySchema={keySchema}
      />
      {error && <p className="field-error">{error}</p>}
    </Dialog>
  );
}
