/**
 * Automatic backups: on close and before migrations, into a folder beside the book,
 * rotating (the newest KEEP stay). `VACUUM INTO` writes a consistent, compact copy
 * synchronously, so a backup on close cannot be cut short by the app quitting.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/contract/book';
import { openSqlite, type Sqlite } from '../db/sqlite';
import { builder, Queries } from '../db/query';
import { sql } from 'kysely';

export const KEEP = 10;


export const backupDir = (bookPath: string): string =>
  join(dirname(bookPath), '.client-ledger-backups', basename(bookPath, extname(bookPath)));

export function autoBackup(sqlite: Sqlite, bookPath: string, reason: 'close' | 'pre-migration' | 'pre-restore'): string {
  const dir = backupDir(bookPath);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = join(dir, `${stamp}-${reason}.book`);
  for (let i = 2; existsSync(target); i++) target = join(dir, `${stamp}-${reason}-${i}.book`);
  // Raw SQL on purpose: VACUUM INTO is not a query the builder makes (and runs on the bare connection, before migrations too).
  sqlite.prepare('VACUUM INTO ?').run(target);
  rotate(dir);
  return target;
}

function rotate(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.book')).sort().reverse();
  for (const old of files.slice(KEEP)) rmSync(join(dir, old), { force: true });
}

/** The backups of a book, newest first, each with a preview of what it holds. */
export function listBackups(bookPath: string): BackupInfo[] {
  const dir = backupDir(bookPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.book'))
    .sort()
    .reverse()
    .map((f) => {
      const path = join(dir, f);
      const m = /^(\d{8}T\d{6}Z)-([a-z-]+?)(?:-\d+)?\.book$/.exec(f);
      const at = m ? `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6, 8)}T${m[1]!.slice(9, 11)}:${m[1]!.slice(11, 13)}:${m[1]!.slice(13, 15)}Z` : '';
      let company = '';
      let vouchers = 0;
      let lastPeriod = '';
      try {
        const sqlite = openSqlite(path, { readonly: true, fileMustExist: true });
        try {
          // A backup is not opened as a Book (no migrations, read-only): typed queries on its bare connection.
          const db = new Queries(sqlite);
          company = db.first(builder.selectFrom('book_meta').select('value').where('key', '=', 'company'))?.value ?? '';
          const v = db.first(
            builder
              .selectFrom('voucher')
              .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<string | null>('period').as('p')])
              .where('status', '=', sql.lit('posted')),
          )!;
          vouchers = v.n;
          lastPeriod = v.p ?? '';
        } finally {
          sqlite.close();
        }
      } catch {
        company = '?';
      }
      return { path, at, reason: m?.[2] ?? '', bytes: statSync(path).size, company, vouchers, lastPeriod };
    });
}

/** Puts a backup in place of the (closed) book; only files from the book's own backup folder. */
export function restoreBackup(bookPath: string, backupPath: string): void {
  const dir = resolve(backupDir(bookPath));
  if (!resolve(backupPath).startsWith(dir + sep) || !existsSync(backupPath)) throw new UserError('backup.notFound', { path: backupPath });
  for (const suffix of ['-wal', '-shm']) rmSync(bookPath + suffix, { force: true });
  copyFileSync(backupPath, bookPath);
}
