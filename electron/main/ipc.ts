/**
 * The one place main touches ipcMain: every contract channel is registered from the
 * contract table and goes through the core's dispatch, which validates the payload with
 * the channel's zod schema before any handler runs. Only messages from our own window's
 * main frame are answered.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract/index';
import { dispatch } from '../core/service/index';
import type { Session } from '../core/service/session';

export const IPC_PREFIX = 'cl:';

export function registerContract(session: Session, isTrusted: (e: IpcMainInvokeEvent) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      return dispatch(session, channel, payload);
    });
  }
}
