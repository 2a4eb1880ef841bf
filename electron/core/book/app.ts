/** Book lifecycle channels: create, open, close, recent, backup, check, backups, app info. */
import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { bookFilePath, outputPath } from '../files/user-paths';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import type { Book } from './book';
import type { Standard } from '../accounts/default-chart';
import { backupBook } from './backup';
import { autoBackup, listBackups, restoreBackup } from './backups';
import type { CheckReport } from './check';
import { startJob } from '../jobs/runner';
import { checklist } from './checklist';
import { cockpit } from './cockpit';
import { lockBook } from './lock';
import { ensureKeyed, registerKey } from './keying';
import { keyStoreFor, type AuditKeyStore } from './audit-key';
import type { Sqlite } from '../db/sqlite';
import { createBook, openBook } from './open';
import { fillDemo } from '../demo/generate';
import { DEMO_COMPANY, DEMO_FIRST } from '../demo/data';
import type { AppInfo } from '../../../shared/contract/book';
import { APP_VERSION } from '../version';
import { taxIdSchema } from '../../../shared/contract/invoices';
import { setVatSettings } from '../vat/settings';
import { setTaxId } from '../invoices/app';

/** A bare file name goes to the books folder; a name without an extension gets `.book`. */
export function resolveBookPath(session: Session, path: string): string {
  const withExt = /\.[A-Za-z0-9]+$/.test(basename(path)) ? path : `${path}.book`;
  return bookFilePath(session, withExt);
}

/** The app seals its keys (a wrapping key from Electron safeStorage); the CLI and the harness keep key files in their app home. */
const keyStore = (s: Session): AuditKeyStore => s.options.keys ?? keyStoreFor(s.options.settingsDir, s.options.keyProtection);

const appInfo = (s: Session): AppInfo => ({
  version: APP_VERSION,
  locale: s.locale,
  user: s.user,
  book: s.book ? s.book.info() : null,
  booksDir: s.options.booksDir,
});

const DEMO_BOOK = '示例账套.book';

function newBook(path: string, req: { company: string; standard: Standard; firstPeriod?: string | undefined; demo?: boolean | undefined }): Book {
  if (!req.demo) return createBook({ path, company: req.company, standard: req.standard, ...(req.firstPeriod ? { firstPeriod: req.firstPeriod } : {}) });
  // The demo company lives over fixed months, so its book starts there.
  const book = createBook({ path, company: req.company, standard: req.standard, firstPeriod: DEMO_FIRST });
  try {
    book.tx(() => fillDemo(book));
  } catch (e) {
    book.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw e;
  }
  return book;
}

/** Opens (or creates) under this instance's lock, then makes it the session's book. */
function adopt(s: Session, path: string, open: (path: string, prepare?: (sqlite: Sqlite) => void) => Book) {
  if (s.book?.path === path) s.setBook(null);
  const release = lockBook(path);
  const keys = keyStore(s);
  let book: Book;
  try {
    book = open(path, (sqlite) => registerKey(sqlite, keys));
    ensureKeyed(book, keys);
  } catch (e) {
    release();
    throw e;
  }
  s.setBook(book, release);
  const info = book.info();
  s.recent.touch({ path: info.path, company: info.company });
  return info;
}

export const bookHandlers = defineHandlers({
  'app.info': (_req, s) => appInfo(s),
  'app.checklist': (_req, s) => checklist(s.requireBook()),
  'app.cockpit': (_req, s) => cockpit(s.requireBook()),
  'app.setLocale': (req, s) => {
    s.locale = req.locale;
    return appInfo(s);
  },
  'book.create': (req, s) => {
    // Checked before the file exists: a bad 纳税人识别号 creates no book.
    const taxId = req.taxId === undefined ? undefined : taxIdSchema.safeParse(req.taxId);
    if (taxId && !taxId.success) throw new UserError('invoices.badTaxId', { taxId: req.taxId ?? '' });
    const info = adopt(s, resolveBookPath(s, req.path), (path) => newBook(path, req));
    if (taxId?.success && taxId.data) {
      const book = s.requireBook();
      book.tx(() => setTaxId(book, taxId.data));
    }
    if (req.taxpayer) {
      const book = s.requireBook();
      book.tx(() => setVatSettings(book, { taxpayer: req.taxpayer! }));
    }
    return info;
  },
  'book.open': (req, s) => adopt(s, resolveBookPath(s, req.path), openBook),
  'book.demo': (_req, s) => {
    const path = resolveBookPath(s, DEMO_BOOK);
    if (existsSync(path)) return adopt(s, path, openBook);
    return adopt(s, path, () => newBook(path, { company: DEMO_COMPANY, standard: 'small', demo: true }));
  },
  'book.close': (_req, s) => {
    const had = s.book !== null;
    s.setBook(null);
    return { closed: had };
  },
  'book.recent': (_req, s) => s.recent.list(),
  'book.backup': (req, s) => {
    const book = s.requireBook();
    const target = resolveBookPath(s, req.path);
    if (resolve(target) === resolve(book.path)) throw new UserError('backup.targetIsBook');
    if (existsSync(target) && !req.overwrite) throw new UserError('book.exists', { path: target });
    return backupBook(book, outputPath(s, target, { replaceBook: req.overwrite ?? false }), req.overwrite ?? false);
  },
  // Off this thread: the window (or the CLI's progress) keeps going while a big book is read through.
  'book.check': (req, s) => startJob<CheckReport>(s, 'book.check', { full: req.full ?? false }).done,
  'backups.list': (req, s) => listBackups(req.path ? resolveBookPath(s, req.path) : s.requireBook().path),
  'backups.restore': (req, s) => {
    const target = resolveBookPath(s, req.path);
    if (s.book && s.book.path === target) {
      autoBackup(s.book.sqlite, target, 'pre-restore');
      s.setBook(null);
    }
    const release = lockBook(target);
    try {
      restoreBackup(target, req.backup);
    } finally {
      release();
    }
    return adopt(s, target, openBook);
  },
});
