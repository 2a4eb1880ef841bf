/**
 * WAL safety. A book's committed changes sit in `book-wal` until a checkpoint copies them
 * into the book file; a sync tool or antivirus that deletes or replaces the -wal (or swaps
 * the book file under the open app) would silently drop them. So:
 * - after each user action (Book.tx) a PASSIVE checkpoint copies what no reader still
 *   needs into the book file; it never waits for readers, so it costs the window about
 *   what the pages cost to copy (measured in wal-guard.test.ts); a full TRUNCATE
 *   checkpoint runs when the book is closed and after each job;
 * - before each action the book file must still be the one opened (same device, inode)
 *   and its -wal must still exist: otherwise writing stops with a clear message.
 * - a book in a folder a sync client watches (OneDrive, Dropbox, iCloud, 坚果云, 百度网盘…)
 *   is named in BookInfo.syncedFolder, so the app and CLI can warn.
 */
import { existsSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { Sqlite } from '../db/sqlite';

export interface FileIdentity {
  dev: number;
  ino: number;
}

export function fileIdentity(path: string): FileIdentity | null {
  try {
    const st = statSync(path);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/** Throws book.replaced / book.walMissing when the files under an open book changed behind it. */
export function assertBookFiles(sqlite: Sqlite, path: string, opened: FileIdentity | null): void {
  if (!opened || !sqlite.open || sqlite.memory) return;
  const now = fileIdentity(path);
  if (!now || now.dev !== opened.dev || now.ino !== opened.ino) throw new UserError('book.replaced', { path });
  // SQLite keeps the -wal while any connection is open in WAL mode; gone means someone removed it.
  if (sqlite.pragma('journal_mode', { simple: true }) === 'wal' && !existsSync(`${path}-wal`)) {
    // The connection still holds the deleted -wal open: copy what it has into the book file before stopping.
    checkpointFull(sqlite);
    throw new UserError('book.walMissing', { path });
  }
}

/** After an action: copy committed pages into the book file without waiting for anyone. */
export function checkpointPassive(sqlite: Sqlite): void {
  if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
}

/** At close and after long jobs: everything into the book file, the -wal emptied. */
export function checkpointFull(sqlite: Sqlite): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  // TRUNCATE waits on readers through the busy handler: at close nobody should wait 5 s for a job's reader.
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy with a reader: the PASSIVE ones already copied what they could; closing must not fail for it.
  } finally {
    sqlite.pragma(`busy_timeout = ${Number(timeout) || 0}`);
  }
}

/** Folder names of sync clients (desktop apps of OneDrive, Dropbox, iCloud Drive, Google Drive, Box, 坚果云, 百度网盘, 阿里云盘). */
const SYNCED = [/^onedrive( - .*)?$/i, /^dropbox( \(.*\))?$/i, /^icloud ?drive$/i, /^com~apple~clouddocs$/i, /^mobile documents$/i, /^google ?drive$/i, /^我的云端硬盘$/, /^box( sync)?$/i, /^坚果云$/, /^nutstore( files)?$/i, /^我的坚果云$/, /^百度网盘$/, /^baidunetdisk$/i, /^baidusyncdisk$/i, /^百度云同步盘$/, /^阿里云盘$/, /^adrive$/i];

/** The sync client's folder a book lives in, if any. */
export function syncedFolder(path: string): string | null {
  for (const part of path.split(/[\\/]/).filter(Boolean)) if (SYNCED.some((re) => re.test(part))) return part;
  return path.includes(`${sep}Library${sep}CloudStorage${sep}`) ? 'CloudStorage' : null;
}
