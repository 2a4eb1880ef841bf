/** A core session on a real book file in a temp folder, and a typed call helper. */
import type { z } from 'zod';
import type { ChannelName, EngineEvent, Req, Res } from '../../shared/contract/index';
import { importRunSchema, type ImportSummary } from '../../shared/contract/import';
import type { Reply, ReplyError } from '../../shared/errors';
import { dispatch, errorReply } from '../../electron/core/service/index';
import { inputPath } from '../../electron/core/files/user-paths';
import { runImport } from '../../electron/core/import/run';
import { Session } from '../../electron/core/service/session';
import { tempDir } from './temp';
import { testKeys } from './keys';

/** `events`: what the session pushed (job progress and outcomes, book opened), in order. */
export function testSession(): {
  session: Session;
  dir: string;
  call: Call;
  callErr: CallErr;
  events: EngineEvent[];
  importFile: (req: ImportReq) => Promise<ImportSummary>;
  importErr: (req: ImportReq) => Promise<ReplyError>;
} {
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
  const importFile = async (req: ImportReq) => {
    const r = await importReply(session, req);
    if (!r.ok) throw new Error(`import: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  const importErr = async (req: ImportReq) => {
    const r = await importReply(session, req);
    if (r.ok) throw new Error('import succeeded but was expected to fail');
    return r.error;
  };
  return { session, dir, call, callErr, events, importFile, importErr };
}

type ImportReq = z.input<typeof importRunSchema>;

/**
 * An import in the test's own thread: the core function the import job runs
 * (import/import-job.ts) on the request import.start validates, without the worker; a
 * thrown error shaped as dispatch shapes it.
 */
export async function importReply(session: Session, req: ImportReq): Promise<Reply<ImportSummary>> {
  try {
    const r = importRunSchema.parse(req);
    return { ok: true, data: await runImport(session.requireBook(), { ...r, path: inputPath(session, r.path) }, { locale: session.locale }) };
  } catch (e) {
    return errorReply(session, 'import', e);
  }
}

type Call = <K extends ChannelName>(channel: K, req: Req<K>) => Promise<Res<K>>;
type CallErr = (channel: string, req: unknown) => Promise<{ code: string; message: string }>;
