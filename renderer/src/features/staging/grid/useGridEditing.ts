/**
 * Staging from the grid of one table: a cell editor on double-click or Enter, a paste of a TSV
 * range at the focused cell, and the item actions (edit as JSON, add or remove attributes,
 * duplicate, delete, bulk edit, copy or move, revert) on the focused row or the selection.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TableDescription } from '../../../../../shared/contract/tables';
import type { AttributeValue, KeyType } from '../../../../../shared/dynamo/types';
import type { MenuAction } from '../../../ui/ContextMenu';
import type { GridPaste } from '../../browse/grid/ItemsGrid';
import { itemMatchesModel } from '../../../../../shared/query/matches';
import type { Item } from '../../../../../shared/dynamo/types';
import { itemMatches, quickFilterPattern } from '../../../../../shared/query/textFilter';
import { selectView, useGridViewStore } from '../../browse/grid/gridViewStore';
import { bulkScope, type BulkKind, type BulkScope, type ScopeRow } from '../../../../../shared/staging/bulkScope';
import { selectSlot, slotKey, useItemsStore } from '../../../stores/itemsStore';
import type { SlotRef } from '../../../stores/itemsStore';
import { stagingActions } from '../../../stores/stagingStore';
import { stageVisibly } from '../../../stores/stageVisibly';
import type { Anchor } from './CellEditPopover';
import { partialRowsReason } from '../../../../../shared/staging/editable';
import type { GridEditor } from './gridEditor';
import { gridPaste } from '../../../../../shared/staging/gridPaste';
import type { StagedGrid } from './useStagedGrid';
import { showToast } from '../../feedback/toastStore';

export interface GridEditing {
  editor: GridEditor | null;
  close(): void;
  open(editor: GridEditor): void;
  /** Why the rows cannot be edited (partial items), or null. */
  readOnly: string | null;
  onEditCell(id: string, column: string, anchor: Anchor | null): void;
  onPaste(paste: GridPaste): void;
  /** Staging entries for the grid's context menu on `id`. */
  menuActions(id: string | null): MenuAction[];
  /** What a bulk action on the selection acts on and what it leaves out (see bulkScope). */
  scope(kind: BulkKind): BulkScope;
  /** Stages a value for one cell. */
  stageCell(id: string, column: string, value: AttributeValue): void;
  keyTypeOf(column: string): KeyType | undefined;
}

export function useGridEditing(
  ref: SlotRef,
  table: TableDescription,
  staged: StagedGrid,
): GridEditing {
  const slot = useItemsStore(selectSlot(ref));
  const [editor, setEditor] = useState<GridEditor | null>(null);
  const keySchema = staged.data.keySchema;
  const readOnly = useMemo(() => partialRowsReason(slot?.model, table), [slot?.model, table]);
  const close = useCallback(() => setEditor(null), []);
  const schemas = useMemo(
    () => [{ connectionId: ref.connectionId, table: ref.table, keySchema }],
    [ref, keySchema],
  );
  const keyTypeOf = (column: string): KeyType | undefined =>
    keySchema.partitionKey.name === column
      ? keySchema.partitionKey.type
      : keySchema.sortKey?.name === column
        ? keySchema.sortKey.type
        : undefined;

  const editable = (id: string): boolean => {
    if (readOnly) {
      showToast(readOnly);
      return false;
    }
    const row = staged.rowOf(id);
    if (!row) return false;
    if (row.staging?.status === 'deleted') {
      showToast('This item is staged for deletion: revert it to edit it.');
      return false;
    }
    return true;
  };

  const quickFilter = useGridViewStore((s) => selectView(slotKey(ref))(s).quickFilter);

  // The selection's rows, made once for the menu's five entries (10,000 selected: each walked
  // every value against the quick filter), again only when something they read changed.
  const scopeRows = useRef<{ deps: unknown[]; rows: ScopeRow[] } | null>(null);
  const scope = (kind: BulkKind): BulkScope => {
    const selection = slot?.selection ?? {};
    const model = slot?.kind === 'Get' ? undefined : slot?.model;
    const deps = [selection, quickFilter, staged.data, staged.rowStaging, model, table, keySchema];
    const hit = scopeRows.current;
    if (hit && hit.deps.every((d, i) => d === deps[i])) return bulkScope(kind, hit.rows);
    const re = quickFilterPattern(quickFilter);
    const readKey = model?.index
      ? (table.indexes.find((i) => i.name === model.index)?.key ?? keySchema)
      : keySchema;
    const { ids, items } = staged.data;
    const rows: ScopeRow[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      if (!selection[id]) continue;
      const item = items[i] as Item;
      const status = staged.rowStaging(id)?.status;
      rows.push({
        id,
        status,
        shown: re === null || itemMatches(item, re),
        matchesQuery: status !== 'new' || !model || itemMatchesModel(item, model, readKey),
      });
    }
    scopeRows.current = { deps, rows };
    return bulkScope(kind, rows);
  };

  const stageCell = (id: string, column: string, value: AttributeValue) => {
    const row = staged.rowOf(id);
    if (!row) return;
    const r = stagingActions.stage(
      { type: 'setAttribute', target: row.target, name: column, value },
      schemas,
    );
    if (!r.ok) showToast(r.error, { tone: 'error' });
    else if (!r.touched) showToast(`${column} unchanged`);
    if (r.ok) setEditor(null);
  };

  const onEditCell = (id: string, column: string, anchor: Anchor | null) => {
    if (!editable(id)) return;
    const at = anchor ?? { left: window.innerWidth / 3, top: 120, bottom: 160 };
    setEditor({ kind: 'cell', id, column, anchor: at });
  };

  const onPaste = (paste: GridPaste) => {
    if (readOnly) return showToast(readOnly);
    if (paste.row < 0 || paste.column < 0) return showToast('Pick a cell to paste into.');
    const result = gridPaste({
      text: paste.text,
      row: paste.row,
      column: paste.column,
      columns: paste.columns,
      rowCount: paste.rowCount,
      keySchema,
      rowAt: (i) => {
        const id = paste.rowIdAt(i);
        const row = id === undefined ? undefined : staged.rowOf(id);
        if (!row || row.staging?.status === 'deleted') return undefined;
        return { target: row.target, current: row.item };
      },
    });
    if (result.errors.length > 0) {
      setEditor({ kind: 'pasteErrors', errors: result.errors, cells: result.cells });
      return;
    }
    if (!result.edit) return showToast('Nothing to paste.');
    const clipped = result.clipped.rows + result.clipped.columns;
    const label =
      `Pasted ${result.cells} ${result.cells === 1 ? 'cell' : 'cells'}` +
      (clipped ? ' (some fields fell outside the grid and were left out)' : '');
    void stageVisibly(result.edit, schemas, label).then((r) => {
      if (!r.ok) showToast(r.error, { tone: 'error' });
    });
  };

  const menuActions = (id: string | null): MenuAction[] => {
    if (id === null) return [];
    const row = staged.rowOf(id);
    if (!row) return [];
    const out: MenuAction[] = [];
    const deleted = row.staging?.status === 'deleted';
    if (!readOnly && !deleted) {
      const sc = scope('delete');
      const wide = sc.ids.length > 1 && sc.ids.includes(id);
      const many = wide ? sc.ids : [id];
      const leftOut = wide ? sc.leftOut : [];
      const n = many.length > 1 ? ` (${many.length})` : '';
      out.push(
        { label: 'Edit item as JSON…', run: () => setEditor({ kind: 'editItem', id }) },
        { label: 'Add attribute…', run: () => setEditor({ kind: 'addAttribute', id }) },
        { label: 'Remove attributes…', run: () => setEditor({ kind: 'removeAttributes', id }) },
        {
          label: `Duplicate${n}…`,
          run: () => setEditor({ kind: 'duplicate', ids: many, leftOut }),
        },
        {
          label: `Delete${n}…`,
          shortcut: 'Del',
          run: () => setEditor({ kind: 'delete', ids: many, leftOut }),
        },
      );
    }
    if (row.change) {
      out.push({
        label: deleted ? 'Revert (keep the item)' : 'Revert staged changes',
        run: () => {
          const r = stagingActions.revertItem(row.target);
          if (!r.ok) showToast(r.error, { tone: 'error' });
        },
      });
    }
    return out;
  };

  return {
    editor,
    close,
    open: setEditor,
    readOnly,
    onEditCell,
    onPaste,
    menuActions,
    scope,
    stageCell,
    keyTypeOf,
  };
}
