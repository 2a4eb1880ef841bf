/**
 * The shell-only channels (shared/shell.ts): native dialogs and revealing a file. Paths the
 * core receives for opening come from these dialogs.
 */
import { BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { safeFileName } from '../../shared/file-name';

export function registerShell(getWindow: () => BrowserWindow | null): void {
  ipcMain.handle('shell:openFile', async (_e, o: { title?: string; extensions: string[] }) => {
    const win = getWindow();
    const options = { title: o.title ?? '', properties: ['openFile' as const], filters: [{ name: o.extensions.join(', '), extensions: o.extensions }] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
  ipcMain.handle('shell:savePath', async (_e, o: { title?: string; defaultName: string }) => {
    const win = getWindow();
    const options = { title: o.title ?? '', defaultPath: safeFileName(o.defaultName) };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled ? null : (r.filePath ?? null);
  });
  ipcMain.handle('shell:reveal', (_e, path: string) => {
    shell.showItemInFolder(path);
  });
}
