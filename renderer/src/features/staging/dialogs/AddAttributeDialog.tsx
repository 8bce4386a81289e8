import { useState } from 'react';
import type { ItemTarget } from '../../../../../shared/changes/types';
import type { AttributeValue, Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stagingActions } from '../../../stores/stagingStore';
import { CellEditor } from '../editors/CellEditor';
import { Dialog } from '../../../ui/Dialog';

export interface AddAttributeDialogProps {
  target: ItemTarget;
  /** The item as it stands now. */
  current: Item;
  keySchema: KeySchema;
  onClose(): void;
}

/** A new attribute on one item: its name, then its value in the cell editor. */
export function AddAttributeDialog({
  target,
  current,
  keySchema,
  onClose,
}: AddAttributeDialogProps) {
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const taken = name !== '' && current[name] !== undefined;
  const commit = (value: AttributeValue) => {
    if (chosen === null) return;
    const { connectionId, table } = target;
    const r = stagingActions.stage({ type: 'setAttribute', target, name: chosen, value }, [
      { connectionId, table, keySchema },
    ]);
    if (r.ok) onClose();
  };
  return (
    <Dialog title={`Add attribute in ${target.table}`} onClose={onClose} size="medium">
      {chosen === null ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (name !== '' && !taken) setChosen(name);
          }}
        >
          <label className="field">
            <span className="label">Attribute name</span>
            <input
              aria-label="Attribute name"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          {taken && <p className="field-error">The item already has {name}; edit it instead.</p>}
          <div className="editor-foot">
            <span className="spacer" />
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={name === '' || taken}>
              Next
            </button>
          </div>
        </form>
      ) : (
        <CellEditor attribute={chosen} onStage={commit} onCancel={onClose} />
      )}
    </Dialog>
  );
}
