import { tableRef } from '../../../../shared/changes/types';
import type { Changes, KeySchemasByRef } from '../../../../shared/changes/types';
import { AddAttributeDialog } from '../staging/dialogs/AddAttributeDialog';
import { imageOf, targetOf } from '../../../../shared/staging/currentImage';
import { EditAttributeDialog } from '../staging/dialogs/EditAttributeDialog';
import { EditItemDialog } from '../staging/dialogs/EditItemDialog';
import { RemoveAttributeDialog } from '../staging/dialogs/RemoveAttributeDialog';
import type { ReviewAction } from './ReviewItem';

export interface ReviewDialogsProps {
  action: ReviewAction | null;
  changes: Changes;
  keySchemas: KeySchemasByRef;
  onClose(): void;
}

/** The editing dialog a review item asked for, on that item as it stands now. */
export function ReviewDialogs({ action, changes, keySchemas, onClose }: ReviewDialogsProps) {
  if (!action) return null;
  const change = changes.get(action.id);
  const keySchema = change && keySchemas[tableRef(change.connectionId, change.table)];
  if (!change || !keySchema) return null;
  const props = { target: targetOf(change), current: imageOf(change), keySchema, onClose };
  switch (action.kind) {
    case 'editItem':
      return <EditItemDialog {...props} />;
    case 'addAttribute':
      return <AddAttributeDialog {...props} />;
    case 'removeAttributes':
      return <RemoveAttributeDialog {...props} />;
    case 'editAttribute':
      return <EditAttributeDialog {...props} name={action.name} />;
  }
}
