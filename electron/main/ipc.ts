/**
 * The one place main touches ipcMain: every contract channel is registered from the
 * contract table (so only a contract channel name is ever routed) and handed to the
 * engine, whose dispatch validates the payload with the channel's zod schema before any
 * handler runs. Only messages from our own window's main frame are answered.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type ChannelName } from '../../shared/contract/index';
import type { Reply } from '../../shared/errors';
import { message } from '../../shared/messages/index';
import type { PathGrants } from './path-grants';

/** Where a request goes: the engine process in the app (engine-host.ts). */
export type Route = (channel: ChannelName, payload: unknown) => Promise<Reply<unknown>>;

export const IPC_PREFIX = 'cl:';

export function registerContract(route: Route, isTrusted: (e: IpcMainInvokeEvent) => boolean, grants?: PathGrants): void {
  for (const channel of channelNames) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      // A path the renderer sends must be one main's dialogs handed out (or under the app's folders): path-grants.ts.
      const refused = grants?.refused(payload);
      if (refused) return { ok: false, error: { code: 'path.notGranted', message: `${message('zh-CN', 'path.notGranted', { path: refused })} / ${message('en', 'path.notGranted', { path: refused })}`, params: { path: refused } } };
      return route(channel, payload);
    });
  }
}
