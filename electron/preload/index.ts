/**
 * The preload: exposes the contract's channels as named functions, the engine's push
 * events (`onEvent`), and the shell's file functions, through contextBridge. Nothing else:
 * no ipcRenderer, no process.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames } from '../../shared/contract/index';
import type { Reply } from '../../shared/errors';
import type { ShellApi } from '../../shared/shell';
import type { EngineEvent } from '../../shared/contract/events';

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

/**
 * Engine events, which main sends on one channel (index.ts). The sender is main by
 * construction: since Electron 28 a renderer cannot message another (ipcRenderer.sendTo and
 * IpcRendererEvent.senderId are gone, docs: api/structures/ipc-renderer-event), so only
 * webContents.send reaches this listener. Still, a message that transfers ports or is not
 * shaped like an event is dropped.
 */
const onEvent = (listener: (e: EngineEvent) => void) => {
  const handler = (e: IpcRendererEvent, event: unknown) => {
    if (e.ports.length > 0) return;
    if (typeof event === 'object' && event !== null && typeof (event as { type?: unknown }).type === 'string') listener(event as EngineEvent);
  };
  ipcRenderer.on('engine:event', handler);
  return () => void ipcRenderer.off('engine:event', handler);
};

contextBridge.exposeInMainWorld('clientLedger', { invoke: Object.freeze(invoke), shell: Object.freeze(shell), onEvent });
