import { selectSelectedConnection, useConnectionStore } from '../../stores/connectionStore';
import { redoVisibly, undoVisibly } from '../../stores/stageVisibly';
import { useTablesStore } from '../../stores/tablesStore';
import { useThemeStore } from '../../stores/themeStore';
import { reviewActions } from '../review/reviewStore';
import { MOD, useCommands } from './commandStore';

const focus = (selector: string) => document.querySelector<HTMLElement>(selector)?.focus();

/** The app-wide commands of the palette: review, undo and redo, theme, tables. */
export function useAppCommands(): void {
  useCommands(() => {
    const connectionId = selectSelectedConnection(useConnectionStore.getState());
    const tables = useTablesStore.getState();
    const names = tables.names[connectionId] ?? [];
    return [
      {
        id: 'review',
        label: 'Review changes (open or close)',
        shortcut: `${MOD}+Shift+D`,
        group: 'Review',
        run: reviewActions.toggle,
      },
      {
        id: 'undo',
        label: 'Undo',
        shortcut: `${MOD}+Z`,
        group: 'Staging',
        run: undoVisibly,
      },
      {
        id: 'redo',
        label: 'Redo',
        shortcut: `${MOD}+Shift+Z`,
        group: 'Staging',
        run: redoVisibly,
      },
      {
        id: 'theme',
        label: 'Change theme (OS, light, dark)',
        group: 'App',
        run: () => useThemeStore.getState().cycle(),
      },
      {
        id: 'filter-tables',
        label: 'Filter tables',
        group: 'Tables',
        run: () => focus('input[aria-label="Filter tables"]'),
      },
      ...names.map((name) => ({
        id: `open:${name}`,
        label: `Open table ${name}`,
        group: 'Tables',
        run: () => void tables.select(connectionId, name),
      })),
    ];
  });
}
