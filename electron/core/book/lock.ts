/**
 * One app instance per book: a lock file beside the book holds the owner's pid and host.
 * A lock whose process is gone (crash, kill -9) on this host is stale and taken over.
 * SQLite would let two instances write safely, but two accountants' windows on one book
 * would each show stale figures and confuse numbering on screen; we refuse with a message.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../../../shared/errors';

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

/** Takes the lock or throws book.locked; returns the release function. */
export function lockBook(path: string): () => void {
  const file = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() } satisfies LockInfo));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let info: LockInfo | null = null;
      try {
        info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        info = null; // half-written by a crashed process: stale
      }
      const stale = !info || (info.host === hostname() && !alive(info.pid));
      if (!stale) throw new UserError('book.locked', { path, pid: info!.pid, host: info!.host });
      rmSync(file, { force: true });
    }
  }
  throw new UserError('book.locked', { path, pid: 0, host: '' });
}
