import { useRef, useState } from 'react';
import './gridEditing.css';
import { ContextMenu } from '../../../ui/ContextMenu';
import type { MenuAction } from '../../../ui/ContextMenu';
import { selectSlot, useItemsStore } from '../../../stores/itemsStore';
import type { SlotRef } from '../../../stores/itemsStore';
import { formatValue } from '../../../../../shared/dynamo/format';
import { queryPages } from './queryPages';
import type { GridEditing } from './useGridEditing';
import type { BulkKind } from '../../../../../shared/staging/bulkScope';

export interface GridEditToolbarProps {
  slot: SlotRef;
  editing: GridEditing;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Staging buttons of the Items tab: add, import, and the actions on the selected rows. */
export function GridEditToolbar({ slot: ref, editing }: GridEditToolbarProps) {
  const slot = useItemsStore(selectSlot(ref));
  const [menu, setMenu] = useState<{ x: number; y: number; actions: MenuAction[] } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { readOnly, open } = editing;

  const openMenu = () => {
    const actions: MenuAction[] = [];
    const entry = (kind: BulkKind, label: (n: string) => string): void => {
      const { ids, leftOut } = editing.scope(kind);
      if (ids.length === 0 && leftOut.length === 0) return;
      actions.push({ label: label(fmt(ids.length)), run: () => open({ kind, ids, leftOut }) });
    };
    entry('bulkSelection', (n) => `Bulk edit ${n} selected…`);
    entry('copy', (n) => `Copy ${n} to another table…`);
    entry('move', (n) => `Move ${n} to another table…`);
    entry('duplicate', (n) => `Duplicate ${n}…`);
    entry('delete', (n) => `Delete ${n}…`);
    const model = slot?.model;
    if (model && slot.kind !== 'Get') {
      const kind = slot.kind ?? 'Scan';
      const where = model.partitionValue
        ? ` where the partition key is ${formatValue(model.partitionValue)}`
        : '';
      const description = `the ${kind} of ${model.index ?? model.table}${where}`;
      const pages = () => queryPages(ref.connectionId, model);
      actions.push({
        label: `Bulk edit every item the ${kind} matches…`,
        run: () => open({ kind: 'bulkQuery', source: { kind: 'query', description, pages } }),
      });
    }
    const rect = button.current?.getBoundingClientRect();
    setMenu({ x: rect?.left ?? 0, y: rect?.bottom ?? 0, actions });
  };

  return (
    <div className="grid-edit-toolbar" role="group" aria-label="Stage changes">
      <button type="button" onClick={() => open({ kind: 'add' })}>
        Add item…
      </button>
      <button type="button" onClick={() => open({ kind: 'import' })}>
        Import…
      </button>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        disabled={readOnly !== null}
        title={readOnly ?? 'Bulk edit, copy, move, duplicate or delete the selected rows'}
        onClick={openMenu}
      >
        Edit rows ▾
      </button>
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label="Edit rows"
          actions={
            menu.actions.length
              ? menu.actions
              : [{ label: 'Select rows first (click, Shift+click, Ctrl+A)', run: () => {} }]
          }
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  );
}
