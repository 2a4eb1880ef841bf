/**
 * The engine entry: one session and the one function every front end calls with a request
 * to get its reply (Electron's engine process, the web harness's engine thread, the CLI,
 * tests). Book changes are pushed to `onEvent` so a host knows which book is open without
 * asking.
 */
import type { Reply } from '../../../shared/errors';
import { dispatch } from '../service/index';
import { Session, type SessionOptions } from '../service/session';
import type { EngineEvent, EngineRequest } from './protocol';

export interface Engine {
  readonly session: Session;
  /** Validates and runs one request; never throws (errors come back as typed replies). */
  handle(request: EngineRequest): Promise<Reply<unknown>>;
  /** Day one shows the demo company; later days reopen the last book. Failures stay quiet: the start page offers both. */
  openAtStart(): Promise<void>;
  /** Closes the open book (with its backup on close when the session keeps them). */
  close(): void;
}

export function createEngine(options: SessionOptions, onEvent: (e: EngineEvent) => void = () => {}): Engine {
  const session = new Session(options);
  session.onBookChange = (path) => onEvent({ type: 'book', path });
  const handle = (request: EngineRequest) => dispatch(session, request.channel, request.payload);
  return {
    session,
    handle,
    async openAtStart() {
      const last = session.recent.list()[0];
      await (last ? handle({ channel: 'book.open', payload: { path: last.path } }) : handle({ channel: 'book.demo', payload: {} }));
    },
    close: () => session.setBook(null),
  };
}
