/** A core session on a real book file in a temp folder, and a typed call helper. */
import type { ChannelName, EngineEvent, Req, Res } from '../../shared/contract/index';
import { dispatch } from '../../electron/core/service/index';
import { Session } from '../../electron/core/service/session';
import { tempDir } from './temp';
import { testKeys } from './keys';

/** `events`: what the session pushed (job progress and outcomes, book opened), in order. */
export function testSession(): { session: Session; dir: string; call: Call; callErr: CallErr; events: EngineEvent[] } {
  const dir = tempDir();
  const session = new Session({ settingsDir: dir, booksDir: dir, keys: testKeys });
  const events: EngineEvent[] = [];
  session.emit = (e) => events.push(e);
  const call: Call = async (channel, req) => {
    const r = await dispatch(session, channel, req);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as never;
  };
  const callErr: CallErr = async (channel, req) => {
    const r = await dispatch(session, channel, req);
    if (r.ok) throw new Error(`${channel} succeeded but was expected to fail`);
    return r.error;
  };
  return { session, dir, call, callErr, events };
}

type Call = <K extends ChannelName>(channel: K, req: Req<K>) => Promise<Res<K>>;
type CallErr = (channel: string, req: unknown) => Promise<{ code: string; message: string }>;
