/**
 * The Electron shell: app lifecycle, one window, IPC wiring. Everything else is the core.
 */
import { app, BrowserWindow, Menu, type IpcMainInvokeEvent } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from '../core/service/session';
import { dispatch } from '../core/service/index';
import { registerContract } from './ipc';
import { registerShell } from './shell';
import { createWindow } from './window';
import { buildMenu } from './menu';

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(() => {
  const session = new Session({
    settingsDir: app.getPath('userData'),
    booksDir: join(app.getPath('documents'), '客户费用账本'),
    autoBackup: true,
  });
  const isTrusted = (e: IpcMainInvokeEvent) => win !== null && e.sender === win.webContents && e.senderFrame === win.webContents.mainFrame;
  registerContract(session, isTrusted);
  registerShell(() => win);
  // Day one shows the demo company; later days reopen the last book.
  const last = session.recent.list()[0];
  void (last ? dispatch(session, 'book.open', { path: last.path }) : dispatch(session, 'book.demo', {})).then(() => {}, () => {});
  win = createWindow(here, app.getPath('userData'));
  Menu.setApplicationMenu(buildMenu(() => win, app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'));
  app.on('window-all-closed', () => {
    session.setBook(null);
    app.quit();
  });
});
