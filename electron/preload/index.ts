/**
 * The preload: exposes the contract's channels as named functions, and the shell's three
 * file functions, through contextBridge. Nothing else: no ipcRenderer, no process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/contract/index';
import type { Reply } from '../../shared/errors';
import type { ShellApi } from '../../shared/shell';

const invoke: Record<string, (req: unknown) => Promise<Reply<unknown>>> = {};
for (const channel of channelNames) invoke[channel] = (req) => ipcRenderer.invoke(`cl:${channel}`, req);

const shell = {
  openFile: (o) => ipcRenderer.invoke('shell:openFile', o),
  savePath: (o) => ipcRenderer.invoke('shell:savePath', o),
  reveal: (path) => ipcRenderer.invoke('shell:reveal', path),
  onNavigate: (listener) => {
    const handler = (_e: unknown, page: unknown) => typeof page === 'string' && listener(page);
    ipcRenderer.on('menu:navigate', handler);
    return () => void ipcRenderer.off('menu:navigate', handler);
  },
} satisfies ShellApi;

contextBridge.exposeInMainWorld('clientLedger', { invoke: Object.freeze(invoke), shell: Object.freeze(shell) });
