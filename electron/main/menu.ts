import { app, Menu, type BrowserWindow } from 'electron';
import { menuTemplate, type AppCommand } from './menuTemplate';

export type { AppCommand } from './menuTemplate';

/** The native menu: the standard edit/view/window roles plus DynoStage's own commands. */
export function buildMenu(send: (command: AppCommand) => void, win: () => BrowserWindow | null): Menu {
  void win;
  return Menu.buildFromTemplate(
    menuTemplate(send, { isMac: process.platform === 'darwin', packaged: app.isPackaged }),
  );
}
