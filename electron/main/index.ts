import { app, BrowserWindow, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from '../../server/backend';
import { registerIpc } from './ipc';
import { buildMenu, type AppCommand } from './menu';
import { devRendererUrl } from './packaged';
import { loadWindowState, trackWindowState } from './windowState';
import { permissionCheck, permissionRequest, secureWebPreferences, withCsp } from './windowConfig';

const EVENT_CHANNEL = 'dynostage:event';
let win: BrowserWindow | null = null;
let backend: Backend | null = null;

function rendererUrl(): string {
  return devRendererUrl(process.env, app.isPackaged) ?? pathToFileURL(join(__dirname, '../renderer/')).href;
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const w = new BrowserWindow({
    ...(state.restored ? state.bounds : { width: state.bounds.width, height: state.bounds.height }),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'DynoStage',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  if (state.maximized) w.maximize();
  trackWindowState(w, app.getPath('userData'));
  w.once('ready-to-show', () => w.show());
  // The window never navigates away and never opens others; links go to the browser.
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const dev = devRendererUrl(process.env, app.isPackaged);
  if (dev) void w.loadURL(dev);
  else void w.loadFile(join(__dirname, '../renderer/index.html'));
  return w;
}

function send(command: AppCommand): void {
  win?.webContents.send(EVENT_CHANNEL, { type: 'app:command', command });
}

app.enableSandbox();
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(permissionRequest()));
  // Permission checks answer no as well, but for writing the clipboard (copying cells).
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionCheck(permission));
  backend = await createBackend({ dataDir: app.getPath('userData') });
  registerIpc(ipcMain, backend, rendererUrl);
  backend.onEvent((event) => {
    win?.webContents.send(EVENT_CHANNEL, event);
    // Commit progress on the taskbar / dock as well; -1 removes the bar when the commit ends.
    if (event.type === 'commit:progress' && win) {
      const settled = event.done + event.failed + event.canceled;
      win.setProgressBar(event.phase === 'done' ? -1 : event.total > 0 ? settled / event.total : 2);
    }
  });
  Menu.setApplicationMenu(buildMenu(send, () => win));
  win = createWindow();
  win.on('closed', () => (win = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void backend?.close();
});
