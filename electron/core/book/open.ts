/**
 * Creating and opening book files. A book is opened only after SQLite's quick check of its
 * schema and small tables passes (integrity.ts) and its migrations are applied; anything
 * else is a typed error and the file is left as it was.
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { UserError } from '../../../shared/errors';
import { isPeriod } from '../../../shared/period';
import { migrate, pendingMigrations } from '../db/migrations/index';
import { autoBackup } from './backups';
import { openSqlite, type Sqlite } from '../db/sqlite';
import type { Standard } from '../accounts/default-chart';
import { Book } from './book';
import { seedBook } from './seed';
import { migrateOrHold } from './open-guard';
import { thisPeriodLocal } from '../../../shared/today';
import { quickCheckAtOpen } from './integrity';
import { isSqliteFile } from '../files/paths';

export interface CreateBookInput {
  path: string;
  company: string;
  standard?: Standard;
  firstPeriod?: string;
}

export function configure(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // A second writer (import worker, second window) waits instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
}

export function createBook(input: CreateBookInput, now = new Date()): Book {
  const company = input.company.trim();
  if (!company) throw new UserError('book.companyRequired');
  if (existsSync(input.path)) throw new UserError('book.exists', { path: input.path });
  const firstPeriod = input.firstPeriod ?? thisPeriodLocal(now);
  if (!isPeriod(firstPeriod)) throw new UserError('period.invalid', { period: firstPeriod });
  let sqlite: Sqlite | undefined;
  try {
    sqlite = openSqlite(input.path);
    configure(sqlite);
    migrate(sqlite);
    const book = new Book(sqlite, input.path);
    book.tx(() =>
      seedBook(book, { company, standard: input.standard ?? 'small', firstPeriod, bookId: randomUUID() }),
    );
    return book;
  } catch (e) {
    // Nothing half-made stays behind.
    sqlite?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(input.path + suffix, { force: true });
    throw e;
  }
}

/** `prepare` runs on the connection before migrations (the session registers the audit key there). */
export function openBook(path: string, prepare?: (sqlite: Sqlite) => void): Book {
  if (!existsSync(path)) throw new UserError('book.notFound', { path });
  // SQLite would open a read-only file read-only and fail at the first write: say so at once (CLI exit 1).
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new UserError('file.readOnly', { path });
  }
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(path, { fileMustExist: true });
    // Reading the header fails fast on a file that is not SQLite at all.
    sqlite.pragma('schema_version');
  } catch (e) {
    // A SQLite file that cannot be read (truncated, garbled: SQLITE_CORRUPT / SQLITE_NOTADB) is a damaged book, not a wrong file.
    if (isSqliteFile(path)) throw new UserError('book.corrupt', { detail: (e as Error).message });
    throw new UserError('book.notABook', { path });
  }
  try {
    // The small tables only; the full integrity check runs in the background (integrity.ts).
    const integrity = quickCheckAtOpen(sqlite);
    if (integrity !== 'ok') throw new UserError('book.corrupt', { detail: String(integrity) });
    // Raw SQL on purpose: the file is not a Book yet (not even known to be one), and runs once per open.
    const hasMeta = sqlite
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'book_meta'`)
      .get();
    if (!hasMeta) throw new UserError('book.notABook', { path });
    configure(sqlite);
    prepare?.(sqlite);
    // A book about to be changed by a newer program is copied first.
    const { pending, applied } = pendingMigrations(sqlite);
    if (pending.length > 0 && applied > 0) autoBackup(sqlite, path, 'pre-migration');
    return migrateOrHold(sqlite, path);
  } catch (e) {
    sqlite.close();
    if (e instanceof UserError) throw e;
    throw new UserError('book.corrupt', { detail: (e as Error).message });
  }
}
