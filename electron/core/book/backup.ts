/** Backup with SQLite's online backup API: a consistent copy even while the book is in use. */
import { existsSync } from 'node:fs';
import { UserError } from '../../../shared/errors';
import { writeAtomic } from '../files/paths';
import type { Book } from './book';

/** `target` has passed outputPath (files/user-paths.ts): never the book, its side files or an internal folder. */
export async function backupBook(book: Book, target: string, overwrite = false): Promise<{ path: string; pages: number }> {
  if (existsSync(target) && !overwrite) throw new UserError('book.exists', { path: target });
  // Into a temp file, renamed at the end: an interrupted backup never replaces a good older one.
  const result = await writeAtomic(target, (tmp) => book.sqlite.backup(tmp));
  book.tx(() => book.audit({ action: 'book.backup', entity: 'book', entityId: book.info().bookId, after: { target } }));
  return { path: target, pages: result.totalPages };
}
