import { useState } from 'react';
import type { Edit, ItemTarget } from '../../../../../shared/changes/types';
import { formatValue } from '../../../../../shared/dynamo/format';
import { keyNames, typeOf } from '../../../../../shared/dynamo/types';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stagingActions } from '../../../stores/stagingStore';
import { Dialog } from '../../../ui/Dialog';

export interface RemoveAttributeDialogProps {
  target: ItemTarget;
  current: Item;
  keySchema: KeySchema;
  onClose(): void;
}

/** Removes the ticked attributes of one item (never its key) in one undo step. */
export function RemoveAttributeDialog({
  target,
  current,
  keySchema,
  onClose,
}: RemoveAttributeDialogProps) {
  const keys = new Set(keyNames(keySchema));
  const names = Object.keys(current).filter((n) => !keys.has(n));
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const stage = () => {
    const edit: Edit = {
      type: 'batch',
      edits: [...picked].map((name) => ({ type: 'removeAttribute', target, name })),
    };
    const { connectionId, table } = target;
    const r = stagingActions.stage(edit, [{ connectionId, table, keySchema }]);
    if (r.ok) onClose();
  };
  return (
    <Dialog
      title={`Remove attributes in ${target.table}`}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={picked.size === 0} onClick={stage}>
            Remove {picked.size || ''}
          </button>
        </>
      }
    >
      {names.length === 0 && <p className="muted">The item has only its key.</p>}
      <ul className="check-list">
        {names.map((n) => (
          <li key={n}>
            <label className="check">
              <input
                type="checkbox"
                checked={picked.has(n)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(n);
                  else next.delete(n);
                  setPicked(next);
                }}
              />
              <span className="attr-name">{n}</span>
              <span className="badge">{typeOf(current[n] as Item[string])}</span>
              <span className="muted ellipsis">{formatValue(current[n] as Item[string])}</span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
