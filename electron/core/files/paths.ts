/**
 * The one rule for every path the user hands the core (CLI, web harness and Electron all go
 * through it): resolved to its real path, so a symlink, `..` or a second spelling cannot
 * hide what it points at, and
 * - an output is refused if it is a book (any SQLite file, the open book, their -wal, -shm,
 *   -journal or lock file), a folder, a device, or inside the app's internal folders;
 * - an input must be a regular file outside the internal folders (the audit key lives there);
 * - with `confineTo` (the web harness) both must lie under that folder, compared by real
 *   path with a trailing separator so a sibling "work-evil" is not "work".
 * Outputs are then written to a temp file beside the target and renamed (writeAtomic).
 */
import { closeSync, existsSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../../shared/errors';

export interface PathRules {
  /** The open book's path, if any. */
  book?: string | undefined;
  /** Folders nobody writes into or reads from through a user path (keys, settings, backups). */
  internalDirs: readonly string[];
  /** Only paths under this folder are accepted (the harness's work folder). */
  confineTo?: string | undefined;
}

/** Files that belong to a book beside it (SQLite's WAL, shared memory, rollback journal; our lock). */
const BOOK_SIDE = ['-wal', '-shm', '-journal', '.lock'];
/** Where automatic backups live beside each book (book/backups.ts). */
export const BACKUP_FOLDER = '.client-ledger-backups';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts with SQLite's header: any database is a book as far as outputs go. */
export function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The environment's errors as typed ones (CLI exit 1); others stay as they are. */
export function fsUserError(e: unknown, path: string): UserError | null {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError('file.diskFull', { path });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new UserError('file.readOnly', { path });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError('file.folderMissing', { path: dirname(path) });
  if (code === 'EISDIR') return new UserError('path.isFolder', { path });
  return null;
}

const real = (p: string): string => {
  try {
    return realpathSync.native(p);
  } catch (e) {
    throw fsUserError(e, join(p, 'x')) ?? e;
  }
};

/** The real path of a file that may not exist yet: its folder's real path plus its (followed) name. */
export function realTarget(path: string): string {
  if (!isAbsolute(path)) throw new UserError('path.outside', { path });
  const dir = real(dirname(path));
  let target = join(dir, basename(path));
  if (existsSync(target) && lstatSync(target).isSymbolicLink()) target = real(target);
  return target;
}

const under = (p: string, dir: string): boolean => {
  const d = existsSync(dir) ? realpathSync.native(dir) : dir;
  return p === d || p.startsWith(d.endsWith(sep) ? d : d + sep);
};

function common(path: string, rules: PathRules): string {
  const target = realTarget(path);
  if (rules.confineTo && !under(target, rules.confineTo)) throw new UserError('path.outside', { path });
  if (target.split(sep).includes(BACKUP_FOLDER) || rules.internalDirs.some((d) => under(target, d))) throw new UserError('path.internal', { path });
  return target;
}

/** Checks an output path; returns its real path. `replaceBook` lets a backup overwrite an older backup (never the open book). */
export function guardOutput(path: string, rules: PathRules, opts: { replaceBook?: boolean } = {}): string {
  const target = common(path, rules);
  if (existsSync(target)) {
    const st = statSync(target);
    if (st.isDirectory()) throw new UserError('path.isFolder', { path });
    if (!st.isFile()) throw new UserError('path.device', { path });
    if (isSqliteFile(target) && !opts.replaceBook) throw new UserError('path.isBook', { path });
  }
  if (rules.book) {
    const book = existsSync(rules.book) ? realpathSync.native(rules.book) : rules.book;
    if (target === book || BOOK_SIDE.some((s) => target === book + s)) throw new UserError('path.isBook', { path });
  }
  for (const side of BOOK_SIDE) {
    if (target.endsWith(side) && isSqliteFile(target.slice(0, -side.length))) throw new UserError('path.isBook', { path });
  }
  return target;
}

/** Checks an input path: a regular file (no devices, no folders), outside the internal folders; returns its real path. */
export function guardInput(path: string, rules: PathRules): string {
  const target = common(path, rules);
  if (!existsSync(target)) return target; // the caller says "not found" in its own words
  const st = statSync(target);
  if (st.isDirectory()) throw new UserError('path.isFolder', { path });
  if (!st.isFile()) throw new UserError('path.device', { path });
  // The open book (or its -wal/-shm/lock) is never an import or an attachment: it would be read, or copied out as a receipt.
  if (rules.book) {
    const book = existsSync(rules.book) ? realpathSync.native(rules.book) : rules.book;
    if (target === book || BOOK_SIDE.some((x) => target === book + x)) throw new UserError('path.bookAsInput', { path });
  }
  return target;
}

/**
 * Writes through a temp file beside the target and renames it into place: a failed or
 * killed export never leaves half a file where the user's was, and the rename is atomic
 * on one file system. Errors of the machine come back typed (disk full, read-only, ...).
 */
export async function writeAtomic<T>(target: string, write: (tmp: string) => T | Promise<T>): Promise<T> {
  const tmp = tempBeside(target);
  tempWatcher?.(tmp, true);
  try {
    const result = await write(tmp);
    renameSync(tmp, target);
    return result;
  } catch (e) {
    throw failed(e, tmp, target);
  } finally {
    tempWatcher?.(tmp, false);
  }
}

/** writeAtomic for a writer that is synchronous (the hledger journal). */
export function writeAtomicSync<T>(target: string, write: (tmp: string) => T): T {
  const tmp = tempBeside(target);
  tempWatcher?.(tmp, true);
  try {
    const result = write(tmp);
    renameSync(tmp, target);
    return result;
  } catch (e) {
    throw failed(e, tmp, target);
  } finally {
    tempWatcher?.(tmp, false);
  }
}

let tempWatcher: ((tmp: string, live: boolean) => void) | null = null;

/**
 * Told of every temp file writeAtomic opens (live) and is done with. A job worker passes
 * them to its main side (jobs/worker.ts): a cancelled job's worker is terminated mid-write,
 * no `finally` of its runs, and the main side removes what it left (jobs/runner.ts).
 */
export function watchTempFiles(watch: (tmp: string, live: boolean) => void): void {
  tempWatcher = watch;
}

const tempBeside = (target: string): string => join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

function failed(e: unknown, tmp: string, target: string): unknown {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // Still open (Windows): a hidden leftover beats hiding the real error.
  }
  return fsUserError(e, target) ?? e;
}
