/**
 * One app instance per book: a lock file beside the book holds the owner's pid and host.
 * A lock whose process is gone (crash, kill -9) on this host is stale and taken over.
 * SQLite would let two instances write safely, but two accountants' windows on one book
 * would each show stale figures and confuse numbering on screen; we refuse with a message.
 *
 * Both steps are atomic (issue 16: 2 of 8 racing processes once got in). The lock appears whole:
 * written to a private file, then hard-linked to its name (link fails with EEXIST if the name
 * exists), so no one ever reads a half-written lock and takes it for stale. Taking over a stale
 * lock needs the `.takeover` file, created with O_EXCL: only its holder may delete the lock,
 * after reading it again under that file (someone may have taken it over meanwhile).
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../../../shared/errors';
import { fsUserError } from '../files/paths';

interface LockInfo {
  pid: number;
  host: string;
  at: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Creates `file` whole with `text`, or returns false if it exists. */
function createWholeFile(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    // Filesystems without hard links (FAT/exFAT sticks): exclusive create; a half-written lock is then only briefly visible (see readLock).
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(code(e) ?? '')) throw e;
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, text);
      closeSync(fd);
      return true;
    } catch (e2) {
      if (code(e2) === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** What the lock says; null if it is gone. An unreadable lock is stale once it is older than a few seconds (a crash while writing). */
function readLock(file: string): { info: LockInfo | null; stale: boolean } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    return { info, stale: info.host === hostname() && !alive(info.pid) };
  } catch {
    let young = false;
    try {
      young = Date.now() - statSync(file).mtimeMs < 5000;
    } catch {
      return null;
    }
    return { info: null, stale: !young };
  }
}

/** Takes the lock or throws book.locked; returns the release function. */
export function lockBook(path: string): () => void {
  const file = `${path}.lock`;
  const takeover = `${file}.takeover`;
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() } satisfies LockInfo);
  const locked = (info: LockInfo | null) => new UserError('book.locked', { path, pid: info?.pid ?? 0, host: info?.host ?? '' });
  // A folder the user may not write (read-only share, missing folder) is the environment's message, never "内部错误".
  const createWhole = (f: string, text: string) => {
    try {
      return createWholeFile(f, text);
    } catch (e) {
      throw fsUserError(e, path) ?? e;
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createWhole(file, mine)) return () => rmSync(file, { force: true });
    const seen = readLock(file);
    if (!seen) continue; // released meanwhile: try again
    if (!seen.stale) throw locked(seen.info);
    // Stale: only the holder of the takeover file may remove it.
    if (!createWhole(takeover, mine)) {
      const other = readLock(takeover);
      // A takeover left by a process that died in it (a few milliseconds' window) is cleared; the next attempt retries.
      if (other?.stale) rmSync(takeover, { force: true });
      else throw locked(seen.info);
      continue;
    }
    try {
      const again = readLock(file);
      if (again && !again.stale) throw locked(again.info);
      rmSync(file, { force: true });
      if (createWhole(file, mine)) return () => rmSync(file, { force: true });
      throw locked(readLock(file)?.info ?? null);
    } finally {
      rmSync(takeover, { force: true });
    }
  }
  throw locked(null);
}

/**
 * Drops the lock on `path` if this process holds it: for a host whose engine ran on a
 * thread of this process (the web harness) and died holding the book — a dead thread
 * releases nothing, and a lock with our own live pid never reads as stale.
 */
export function releaseOwnLock(path: string): void {
  const file = `${path}.lock`;
  const seen = readLock(file);
  if (seen?.info?.pid === process.pid && seen.info.host === hostname()) rmSync(file, { force: true });
}
