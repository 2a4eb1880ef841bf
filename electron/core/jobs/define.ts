/**
 * A job module: the work one worker does on its own connection to the book. It may report
 * progress as often as it likes (the worker passes on at most a few messages a second) and
 * returns a structured-cloneable result or throws (a UserError reaches the user typed).
 */
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';

export interface JobContext<P, G> {
  /** The worker's own connection to the book (same file as the window's; WAL). */
  book: Book;
  locale: Locale;
  payload: P;
  progress: (data: G) => void;
}

export interface JobModule<P = unknown, R = unknown, G = unknown> {
  run(ctx: JobContext<P, G>): R | Promise<R>;
}

export const defineJob = <P, R, G = never>(run: (ctx: JobContext<P, G>) => R | Promise<R>): JobModule<P, R, G> => ({ run });
