/**
 * The Electron shell: app lifecycle, one window, IPC wiring. Everything else is the core.
 */
import { app, BrowserWindow, Menu, type IpcMainInvokeEvent } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from '../core/service/session';
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
  win = createWindow(here, app.getPath('userData'));
  Menu.setApplicationMenu(buildMenu(() => win, app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'));
  app.on('window-all-closed', () => {
    session.setBook(null);
    app.quit();
  });
});
