import type { SlotRef } from '../../../stores/itemsStore';
import { AddAttributeDialog } from '../dialogs/AddAttributeDialog';
import { AddItemDialog } from '../dialogs/AddItemDialog';
import { BulkEditDialog } from '../dialogs/BulkEditDialog';
import { CopyMoveDialog } from '../dialogs/CopyMoveDialog';
import { DeleteItemsDialog } from '../dialogs/DeleteItemsDialog';
import { Dialog } from '../../../ui/Dialog';
import { DuplicateItemsDialog } from '../dialogs/DuplicateItemsDialog';
import { EditItemDialog } from '../dialogs/EditItemDialog';
import { ImportDialog } from '../import/ImportDialog';
import { RemoveAttributeDialog } from '../dialogs/RemoveAttributeDialog';
import { CellEditPopover } from './CellEditPopover';
import type { GridEditing } from './useGridEditing';
import type { StagedGrid } from './useStagedGrid';
import type { LeftOutItems } from '../dialogs/ScopeSummary';

export interface GridEditOverlayProps {
  slot: SlotRef;
  staged: StagedGrid;
  editing: GridEditing;
}

/** The editor or dialog the grid's staging actions opened, on the rows as they stand now. */
export function GridEditOverlay({ slot: ref, staged, editing }: GridEditOverlayProps) {
  const { editor, close } = editing;
  if (!editor) return null;
  const keySchema = staged.data.keySchema;
  const base = { connectionId: ref.connectionId, table: ref.table, keySchema, onClose: close };
  const rowsOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const row = staged.rowOf(id);
      return row ? [row] : [];
    });

  const leftOut = (): LeftOutItems[] =>
    'leftOut' in editor
      ? editor.leftOut.map((l) => ({ reason: l.reason, items: rowsOf(l.ids).map((r) => r.item) }))
      : [];

  switch (editor.kind) {
    case 'cell': {
      const row = staged.rowOf(editor.id);
      if (!row) return null;
      return (
        <CellEditPopover
          anchor={editor.anchor}
          attribute={editor.column}
          value={row.item[editor.column]}
          keyType={editing.keyTypeOf(editor.column)}
          onStage={(v) => editing.stageCell(editor.id, editor.column, v)}
          onCancel={close}
        />
      );
    }
    case 'editItem':
    case 'addAttribute':
    case 'removeAttributes': {
      const row = staged.rowOf(editor.id);
      if (!row) return null;
      const props = { target: row.target, current: row.item, keySchema, onClose: close };
      if (editor.kind === 'editItem') return <EditItemDialog {...props} />;
      if (editor.kind === 'addAttribute') return <AddAttributeDialog {...props} />;
      return <RemoveAttributeDialog {...props} />;
    }
    case 'duplicate':
      return (
        <DuplicateItemsDialog
          {...base}
          items={rowsOf(editor.ids).map((r) => r.item)}
          leftOut={leftOut()}
        />
      );
    case 'delete':
      return (
        <DeleteItemsDialog
          {...base}
          targets={rowsOf(editor.ids).map((r) => r.target)}
          leftOut={leftOut()}
        />
      );
    case 'bulkSelection':
      return (
        <BulkEditDialog
          {...base}
          source={{ kind: 'selection', targets: rowsOf(editor.ids).map((r) => r.target) }}
          leftOut={leftOut()}
        />
      );
    case 'bulkQuery':
      return <BulkEditDialog {...base} source={editor.source} />;
    case 'copy':
    case 'move':
      return (
        <CopyMoveDialog
          source={{ connectionId: ref.connectionId, table: ref.table, keySchema }}
          targets={rowsOf(editor.ids).map((r) => r.target)}
          initialMode={editor.kind}
          leftOut={leftOut()}
          onClose={close}
        />
      );
    case 'add':
      return <AddItemDialog {...base} />;
    case 'import':
      return <ImportDialog {...base} />;
    case 'pasteErrors':
      return (
        <Dialog title="Paste not staged" onClose={close} size="medium">
          <p>
            Nothing was staged: {editor.errors.length}{' '}
            {editor.errors.length === 1 ? 'field does' : 'fields do'} not fit its cell. Fix them and
            paste again.
          </p>
          <ul className="field-errors" aria-label="Paste errors">
            {editor.errors.map((e) => (
              <li key={`${e.row}:${e.column}`}>
                Row {e.row + 1}, {e.attribute}: {e.message}
              </li>
            ))}
          </ul>
        </Dialog>
      );
  }
}
