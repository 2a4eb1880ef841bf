/**
 * The window, hardened: context isolation, sandbox, no Node in the renderer, a strict CSP
 * on every response, navigation and new windows refused, no permission granted.
 */
import { app, BrowserWindow, session as electronSession } from 'electron';
import { join } from 'node:path';
import { CSP } from '../web/server';
import { loadWindowState, trackWindowState } from './window-state';
import { APP_ORIGIN } from './app-protocol';
import { startupLine } from './startup-timer';

export const webPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
});

export function createWindow(dir: string, stateDir?: string): BrowserWindow {
  const state = stateDir ? loadWindowState(stateDir) : {};
  electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  const win = new BrowserWindow({
    width: state.bounds?.width ?? 1360,
    height: state.bounds?.height ?? 860,
    ...(state.bounds ? { x: state.bounds.x, y: state.bounds.y } : {}),
    icon: join(dir, '../../build/icon.png'),
    show: false,
    title: '客户费用账本',
    webPreferences: webPreferences(join(dir, '../preload/index.cjs')),
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
    console.log(startupLine('window shown'));
  });
  if (stateDir) trackWindowState(win, stateDir);
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl && !app.isPackaged) void win.loadURL(devUrl);
  // Our own scheme, not file:// (app-protocol.ts).
  else void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
