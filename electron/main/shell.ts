/**
 * The shell-only channels (shared/shell.ts): native dialogs and revealing a file. Paths the
 * core receives for opening come from these dialogs.
 */
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { safeFileName } from '../../shared/file-name';
import type { PathGrants } from './path-grants';

/** Every shell channel answers our own window's main frame only; a dialog's answer becomes a granted path. */
export function registerShell(getWindow: () => BrowserWindow | null, isTrusted: (e: IpcMainInvokeEvent) => boolean, grants: PathGrants): void {
  const granted = (p: string | null | undefined): string | null => {
    if (p) grants.grant(p);
    return p ?? null;
  };
  ipcMain.handle('shell:openFile', async (e, o: { title?: string; extensions: string[] }) => {
    if (!isTrusted(e)) return null;
    const win = getWindow();
    const options = { title: o.title ?? '', properties: ['openFile' as const], filters: [{ name: o.extensions.join(', '), extensions: o.extensions }] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : granted(r.filePaths[0]);
  });
  ipcMain.handle('shell:savePath', async (e, o: { title?: string; defaultName: string }) => {
    if (!isTrusted(e)) return null;
    const win = getWindow();
    const options = { title: o.title ?? '', defaultPath: safeFileName(o.defaultName) };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled ? null : granted(r.filePath);
  });
  ipcMain.handle('shell:reveal', (e, path: unknown) => {
    // Only a file the user chose or the app's own: revealing is harmless, probing the disk through it is not.
    if (!isTrusted(e) || typeof path !== 'string' || !grants.allows(path)) return;
    shell.showItemInFolder(path);
  });
}
