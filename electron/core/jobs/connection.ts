/**
 * The worker's connection to a book the app already has open. The main side opened it
 * (integrity check, migrations, instance lock), so the worker only connects and sets the
 * same pragmas; it never takes the instance lock (same app instance, book.lock.ts).
 */
import { UserError } from '../../../shared/errors';
import { Book } from '../book/book';
import { configure } from '../book/open';
import { setConnectionKey } from '../book/audit-head';
import { openSqlite } from '../db/sqlite';

export function openWorkerBook(path: string, user: string, key?: { hex?: string | undefined; where?: string | undefined }): Book {
  let sqlite;
  try {
    sqlite = openSqlite(path, { fileMustExist: true });
  } catch {
    throw new UserError('book.notFound', { path });
  }
  configure(sqlite);
  if (key?.where) setConnectionKey(sqlite, { key: key.hex ? Buffer.from(key.hex, 'hex') : null, where: key.where });
  const book = new Book(sqlite, path);
  book.user = user;
  return book;
}
