/** Backup with SQLite's online backup API: a consistent copy even while the book is in use. */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { UserError } from '../../../shared/errors';
import type { Book } from './book';

export async function backupBook(book: Book, target: string, overwrite = false): Promise<{ path: string; pages: number }> {
  if (resolve(target) === resolve(book.path)) throw new UserError('backup.targetIsBook');
  if (existsSync(target) && !overwrite) throw new UserError('book.exists', { path: target });
  const result = await book.sqlite.backup(target);
  book.tx(() => book.audit({ action: 'book.backup', entity: 'book', entityId: book.info().bookId, after: { target } }));
  return { path: target, pages: result.totalPages };
}
