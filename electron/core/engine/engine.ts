/**
 * The engine entry: one session and the one function every front end calls with a request
 * to get its reply (Electron's engine process, the web harness's engine thread, the CLI,
 * tests). What changed is pushed to `onEvent` (shared/contract/events.ts): the session's
 * book opening and jobs' progress through `session.emit`, and after every request that
 * wrote, `book.changed` naming the tables it wrote (book/changes.ts), so no UI polls.
 */
import type { EngineEvent } from '../../../shared/contract/events';
import type { Reply } from '../../../shared/errors';
import { changedSince, changeMark, type ChangeMark } from '../book/changes';
import type { Book } from '../book/book';
import { dispatch } from '../service/index';
import { Session, type SessionOptions } from '../service/session';
import type { EngineRequest } from './protocol';

export interface Engine {
  readonly session: Session;
  /** Validates and runs one request; never throws (errors come back as typed replies). */
  handle(request: EngineRequest): Promise<Reply<unknown>>;
  /** Day one shows the demo company; later days reopen the last book. Failures stay quiet: the start page offers both. */
  openAtStart(): Promise<void>;
  /** Reopens `path` after an engine restart (the host remembers the last `book.opened`). */
  reopen(path: string): Promise<void>;
  /** Closes the open book (with its backup on close when the session keeps them). */
  close(): void;
}

/** A mark on the open book, or null when there is none (or its logs cannot be read: then nothing is claimed). */
function markOf(book: Book | null): ChangeMark | null {
  try {
    return book ? changeMark(book) : null;
  } catch {
    return null;
  }
}

export function createEngine(options: SessionOptions, onEvent: (e: EngineEvent) => void = () => {}): Engine {
  const session = new Session(options);
  session.emit = onEvent;
  const handle = async (request: EngineRequest) => {
    const book = session.book;
    const mark = markOf(book);
    const reply = await dispatch(session, request.channel, request.payload);
    // Another book opened instead: book.opened (from setBook) already said everything is new.
    if (book && mark && session.book === book && book.sqlite.open) {
      const tables = changedSince(book, mark);
      if (tables.length > 0) onEvent({ type: 'book.changed', tables });
    }
    return reply;
  };
  return {
    session,
    handle,
    async openAtStart() {
      const last = session.recent.list()[0];
      await (last ? handle({ channel: 'book.open', payload: { path: last.path } }) : handle({ channel: 'book.demo', payload: {} }));
    },
    async reopen(path) {
      await handle({ channel: 'book.open', payload: { path } });
    },
    close: () => session.setBook(null),
  };
}
