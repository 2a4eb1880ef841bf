/**
 * The harness's view of the engine's open book for tests (seeding rows, reading what the
 * UI wrote): a second connection to the same file, as a job worker has, opened when first
 * asked and replaced when the engine reports another book. The engine itself runs on its
 * own thread, so its session is not reachable from here.
 */
import { Book } from '../core/book/book';
import { openSqlite } from '../core/db/sqlite';
import { UserError } from '../../shared/errors';

export class BookView {
  private path: string | null = null;
  private book: Book | null = null;

  /** The engine opened `path` (null: closed its book). */
  changed(path: string | null): void {
    this.book?.close();
    this.book = null;
    this.path = path;
  }

  /** The open book on this view's connection, or the typed "no book open" error. */
  requireBook(): Book {
    if (!this.path) throw new UserError('book.none');
    if (!this.book) {
      const sqlite = openSqlite(this.path, { fileMustExist: true });
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      this.book = new Book(sqlite, this.path);
    }
    return this.book;
  }

  close(): void {
    this.changed(null);
  }
}
