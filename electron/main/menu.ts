import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { developerRoles } from './packaged';

export type AppCommand = 'refresh-tables' | 'review-changes' | 'reset-sandbox' | 'toggle-theme';

/** The native menu: the standard edit/view/window roles plus DynoStage's own commands. */
export function buildMenu(send: (command: AppCommand) => void, win: () => BrowserWindow | null): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
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
        ...developerRoles(app.isPackaged).map((role) => ({ role })),
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
  void win;
  return Menu.buildFromTemplate(template);
}
