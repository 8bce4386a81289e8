/** The native menu's template, pure (no Electron import at run time) so that tests can read it. */
import type { MenuItemConstructorOptions } from 'electron';
import { developerRoles } from './packaged';

export type AppCommand = 'refresh-tables' | 'review-changes' | 'reset-sandbox' | 'toggle-theme';

/** The standard edit/view/window roles plus DynoStage's own commands; no developer roles when packaged. */
export function menuTemplate(
  send: (command: AppCommand) => void,
  opts: { isMac: boolean; packaged: boolean },
): MenuItemConstructorOptions[] {
  const { isMac, packaged } = opts;
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Refresh Tables', accelerator: 'CmdOrCtrl+R', click: () => send('refresh-tables') },
        { label: 'Reset Sandbox…', click: () => send('reset-sandbox') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Changes',
      submenu: [
        { label: 'Review Changes', accelerator: 'CmdOrCtrl+Shift+D', click: () => send('review-changes') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Toggle Theme', click: () => send('toggle-theme') },
        { type: 'separator' },
        ...developerRoles(packaged).map((role) => ({ role })),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
