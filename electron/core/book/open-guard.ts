/**
 * Opening a book whose audit data was removed behind the app (db/migrations/audit-guard.ts):
 * no migration runs (none may re-baseline it) and the book opens held: readable, so
 * `book check` can say what is wrong, and every write refused with the same message.
 */
import { UserError } from '../../../shared/errors';
import { migrate } from '../db/migrations/index';
import type { Sqlite } from '../db/sqlite';
import { Book } from './book';

export function migrateOrHold(sqlite: Sqlite, path: string): Book {
  try {
    migrate(sqlite);
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'book.auditRemoved') throw e;
    const held = new Book(sqlite, path);
    held.refusal = e;
    return held;
  }
  return new Book(sqlite, path);
}
