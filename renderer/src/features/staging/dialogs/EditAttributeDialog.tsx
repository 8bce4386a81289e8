import type { ItemTarget } from '../../../../../shared/changes/types';
import type { AttributeValue, Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stagingActions } from '../../../stores/stagingStore';
import { CellEditor } from '../editors/CellEditor';
import { Dialog } from '../../../ui/Dialog';

export interface EditAttributeDialogProps {
  target: ItemTarget;
  current: Item;
  keySchema: KeySchema;
  name: string;
  onClose(): void;
}

/** One attribute of one item in the cell editor, in a dialog (the grid hosts CellEditor in a popover). */
export function EditAttributeDialog({
  target,
  current,
  keySchema,
  name,
  onClose,
}: EditAttributeDialogProps) {
  const keyType =
    keySchema.partitionKey.name === name
      ? keySchema.partitionKey.type
      : keySchema.sortKey?.name === name
        ? keySchema.sortKey.type
        : undefined;
  const commit = (value: AttributeValue) => {
    const { connectionId, table } = target;
    const r = stagingActions.stage({ type: 'setAttribute', target, name, value }, [
      { connectionId, table, keySchema },
    ]);
    if (r.ok) onClose();
  };
  return (
    <Dialog title={`Edit ${name}`} onClose={onClose} size="medium">
      <CellEditor
        value={current[name]}
        attribute={name}
        keyType={keyType}
        onStage={commit}
        onCancel={onClose}
      />
    </Dialog>
  );
}
