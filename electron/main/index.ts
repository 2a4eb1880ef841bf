/**
 * The Electron shell: app lifecycle, one window, IPC wiring. Everything else is the core,
 * which runs in its own utilityProcess (engine-host.ts): main only routes messages.
 */
import { app, BrowserWindow, Menu, safeStorage, type IpcMainInvokeEvent } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngineProcess } from './engine-host';
import { registerContract } from './ipc';
import { registerShell } from './shell';
import { PathGrants } from './path-grants';
import { RecentBooks } from '../core/service/recent';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createWindow } from './window';
import { buildMenu } from './menu';
import { keyProtection } from './audit-keys';

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(() => {
  // Day one shows the demo company; later days reopen the last book (openAtStart, in the engine).
  const engine = startEngineProcess(
    here,
    {
      session: { settingsDir: app.getPath('userData'), booksDir: join(app.getPath('documents'), '客户费用账本'), autoBackup: true, keyProtection: keyProtection(safeStorage, app.getPath('userData')) },
      openAtStart: true,
    },
    (event) => win?.webContents.send('engine:event', event),
  );
  const isTrusted = (e: IpcMainInvokeEvent) => win !== null && e.sender === win.webContents && e.senderFrame === win.webContents.mainFrame;
  const grants = new PathGrants(join(app.getPath('documents'), '客户费用账本'), [app.getPath('userData')]);
  // Books the user opened before (the recent list the start page offers) were chosen in a dialog then.
  for (const r of new RecentBooks(app.getPath('userData')).list()) grants.grant(r.path);
  registerContract(engine.request, isTrusted, grants);
  registerShell(() => win, isTrusted, grants);
  serveRenderer(join(here, '../renderer'));
  win = createWindow(here, app.getPath('userData'));
  Menu.setApplicationMenu(buildMenu(() => win, app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'));
  app.on('window-all-closed', () => {
    // The engine closes the book first (its backup on close), then both processes end.
    void engine.close().finally(() => {
      engine.kill();
      app.quit();
    });
  });
});
