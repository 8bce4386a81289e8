import { useState } from 'react';
import type { ItemTarget } from '../../../../../shared/changes/types';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stagingActions } from '../../../stores/stagingStore';
import { Dialog } from '../../../ui/Dialog';
import { ItemJsonEditor } from '../editors/ItemJsonEditor';

export interface EditItemDialogProps {
  target: ItemTarget;
  /** The item as it stands now (staged image, or loaded). */
  current: Item;
  keySchema: KeySchema;
  onClose(): void;
}

/** The whole item in the JSON editor; saving stages the new image (a new key moves the item). */
export function EditItemDialog({ target, current, keySchema, onClose }: EditItemDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const save = (item: Item) => {
    const { connectionId, table } = target;
    const r = stagingActions.stage({ type: 'replaceItem', target, item }, [
      { connectionId, table, keySchema },
    ]);
    if (r.ok) onClose();
    else setError(r.error);
  };
  return (
    <Dialog title={`Edit item in ${target.table}`} onClose={onClose} size="large">
      <ItemJsonEditor
        item={current}
        keySchema={keySchema}
        onSave={save}
        onCancel={onClose}
        saveLabel="Stage changes"
      />
      {error && <p className="field-error">{error}</p>}
    </Dialog>
  );
}
