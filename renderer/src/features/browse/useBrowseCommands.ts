import type { SlotRef } from '../../stores/itemsStore';
import { slotKey } from '../../stores/itemsStore';
import { MOD, useCommands, type Command } from '../keyboard/commandStore';
import type { BulkKind } from '../../../../shared/staging/bulkScope';
import type { GridEditing } from '../staging/grid/useGridEditing';
import { selectView, useGridViewStore } from './grid/gridViewStore';

const fmt = (n: number) => n.toLocaleString('en-US');

function inBrowse<T extends HTMLElement>(selector: string): T | null {
  return document.querySelector<T>(`.browse ${selector}`);
}

const BULK: { kind: BulkKind; label: (n: string) => string; shortcut?: string }[] = [
  { kind: 'bulkSelection', label: (n) => `Bulk edit ${n} selected rows…` },
  { kind: 'copy', label: (n) => `Copy ${n} selected rows to another table…` },
  { kind: 'move', label: (n) => `Move ${n} selected rows to another table…` },
  { kind: 'duplicate', label: (n) => `Duplicate ${n} selected rows…` },
  { kind: 'delete', label: (n) => `Delete ${n} selected rows…`, shortcut: 'Del' },
];

/** The Items tab's commands in the palette: focus places, rows actions, dialogs. */
export function useBrowseCommands(ref: SlotRef, editing: GridEditing): void {
  useCommands(() => {
    const key = slotKey(ref);
    const view = selectView(key)(useGridViewStore.getState());
    const out: Command[] = [
      {
        id: 'grid',
        label: 'Go to the grid',
        group: 'Rows',
        run: () => inBrowse('[role="grid"]')?.focus(),
      },
      {
        id: 'select-all',
        label: 'Select all shown rows (in the grid)',
        shortcut: `${MOD}+A`,
        group: 'Rows',
        run: () => {
          const grid = inBrowse('[role="grid"]');
          grid?.focus();
          grid?.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }),
          );
        },
      },
      {
        id: 'quick-filter',
        label: 'Filter loaded rows',
        group: 'Rows',
        run: () => inBrowse('input[aria-label="Filter loaded rows"]')?.focus(),
      },
      {
        id: 'query',
        label: 'Edit the query (Read from)',
        group: 'Query',
        run: () => inBrowse('[aria-label="Query builder"] select')?.focus(),
      },
      {
        id: 'inspector',
        label: view.inspectorOpen ? 'Close the inspector' : 'Open the inspector',
        group: 'Rows',
        run: () => useGridViewStore.getState().update(key, 'inspectorOpen', !view.inspectorOpen),
      },
    ];
    if (!editing.readOnly) {
      out.push(
        { id: 'add', label: 'Add item…', group: 'Stage', run: () => editing.open({ kind: 'add' }) },
        {
          id: 'import',
          label: 'Import…',
          group: 'Stage',
          run: () => editing.open({ kind: 'import' }),
        },
      );
      for (const b of BULK) {
        const scope = editing.scope(b.kind);
        if (scope.ids.length === 0 && scope.leftOut.length === 0) continue;
        out.push({
          id: `bulk:${b.kind}`,
          label: b.label(fmt(scope.ids.length)),
          shortcut: b.shortcut,
          group: 'Stage',
          run: () => editing.open({ kind: b.kind, ...scope }),
        });
      }
    }
    for (const name of ['Get by key…', 'Export…']) {
      out.push({
        id: `button:${name}`,
        label: name,
        group: 'Rows',
        run: () =>
          [...document.querySelectorAll<HTMLButtonElement>('.browse-toolbar button')]
            .find((b) => b.textContent?.trim() === name)
            ?.click(),
      });
    }
    return out;
  });
}
