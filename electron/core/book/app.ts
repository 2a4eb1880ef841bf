/** Book lifecycle channels: create, open, close, recent, backup, check, app info. */
import { basename, isAbsolute, join } from 'node:path';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import { backupBook } from './backup';
import { checkBook } from './check';
import { createBook, openBook } from './open';
import type { AppInfo } from '../../../shared/contract/book';
import { APP_VERSION } from '../version';

/** A bare file name goes to the books folder; a name without an extension gets `.book`. */
export function resolveBookPath(session: Session, path: string): string {
  const withExt = /\.[A-Za-z0-9]+$/.test(basename(path)) ? path : `${path}.book`;
  return isAbsolute(withExt) ? withExt : join(session.options.booksDir, withExt);
}

const appInfo = (s: Session): AppInfo => ({
  version: APP_VERSION,
  locale: s.locale,
  user: s.user,
  book: s.book ? s.book.info() : null,
  booksDir: s.options.booksDir,
});

export const bookHandlers = defineHandlers({
  'app.info': (_req, s) => appInfo(s),
  'app.setLocale': (req, s) => {
    s.locale = req.locale;
    return appInfo(s);
  },
  'book.create': (req, s) => {
    const book = createBook({
      path: resolveBookPath(s, req.path),
      company: req.company,
      standard: req.standard,
      ...(req.firstPeriod ? { firstPeriod: req.firstPeriod } : {}),
    });
    s.setBook(book);
    const info = book.info();
    s.recent.touch({ path: info.path, company: info.company });
    return info;
  },
  'book.open': (req, s) => {
    const book = openBook(resolveBookPath(s, req.path));
    s.setBook(book);
    const info = book.info();
    s.recent.touch({ path: info.path, company: info.company });
    return info;
  },
  'book.close': (_req, s) => {
    const had = s.book !== null;
    s.setBook(null);
    return { closed: had };
  },
  'book.recent': (_req, s) => s.recent.list(),
  'book.backup': (req, s) => backupBook(s.requireBook(), resolveBookPath(s, req.path), req.overwrite ?? false),
  'book.check': (_req, s) => checkBook(s.requireBook()),
});
