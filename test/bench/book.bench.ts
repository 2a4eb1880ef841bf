/**
 * Opening and checking the 1,000,000-line book. Open: the book opened through the
 * service and its home page's data read (app.info, the checklist, the backups list),
 * against a bare openSqlite plus PRAGMA quick_check (and, in the note, plus our cheaper check). Check: the
 * whole `book.check` as `book check` runs it (a job; SQLite's quick_check in a thread beside
 * the other checks), against a bare integrity_check on its own connection; the note gives
 * one `book check --full` (integrity_check over two threads) for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../electron/core/service/index';
import { Session } from '../../electron/core/service/session';
import { openSqlite } from '../../electron/core/db/sqlite';
import { quickCheckAtOpen } from '../../electron/core/book/integrity';
import { bigBook } from './gen-book';
import { timeIt, type BenchCase, type BenchSize } from './types';

const linesFor = (size: BenchSize) => (size === 'smoke' ? 4_000 : 1_000_000);

async function withBookFile<T>(size: BenchSize, fn: (path: string, session: Session) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const book = bigBook({ dir, lines: linesFor(size), customers: size === 'smoke' ? 50 : 10_000 });
  const path = book.path;
  book.close();
  const session = new Session({ settingsDir: dir, booksDir: dir });
  try {
    return await fn(path, session);
  } finally {
    session.setBook(null);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function call(session: Session, channel: string, req: unknown): Promise<unknown> {
  const r = await dispatch(session, channel, req);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export const cases: BenchCase[] = [
  {
    name: 'open the 1,000,000-line book and read its home page',
    target: '< 300 ms, ≤ 1.5× bare openSqlite + quick_check',
    maxMs: 300,
    maxRatio: 1.5,
    run: (size) =>
      withBookFile(size, async (path, session) => {
        const ms = await timeIt(async () => {
          await call(session, 'book.open', { path });
          await call(session, 'app.info', {});
          await call(session, 'app.checklist', {});
          await call(session, 'backups.list', {});
          session.setBook(null);
        }, 7);
        // The baseline: a bare open and PRAGMA quick_check (of the whole file).
        const baselineMs = await timeIt(() => {
          const s = openSqlite(path, { fileMustExist: true });
          if (s.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('not ok');
          s.close();
        }, 5);
        // And the same check as ours, to show what the service adds on top of it.
        const sameCheckMs = await timeIt(() => {
          const s = openSqlite(path, { fileMustExist: true });
          if (quickCheckAtOpen(s) !== 'ok') throw new Error('not ok');
          s.close();
        }, 7);
        return { ms, baselineMs, note: `baseline = bare open + quick_check; bare open + our small-table check ${Math.round(sameCheckMs * 10) / 10} ms` };
      }),
  },
  {
    name: 'book check, 1,000,000 lines',
    target: '< 5 s; baseline: bare integrity_check',
    maxMs: 5_000,
    run: (size) =>
      withBookFile(size, async (path, session) => {
        await call(session, 'book.open', { path });
        // `book check` as the user runs it: quick_check beside the other checks (check.ts).
        const ms = await timeIt(async () => {
          const r = (await call(session, 'book.check', {})) as { ok: boolean; full: boolean };
          if (!r.ok || r.full) throw new Error('book check failed on the bench book');
        }, 5, false);
        // `book check --full` (and the background check after opening), once: integrity_check over two threads.
        const fullMs = await timeIt(async () => {
          const r = (await call(session, 'book.check', { full: true })) as { ok: boolean; full: boolean };
          if (!r.ok || !r.full) throw new Error('book check --full failed on the bench book');
        }, 1, false);
        session.setBook(null);
        const baselineMs = await timeIt(() => {
          const s = openSqlite(path, { fileMustExist: true });
          s.pragma('integrity_check', { simple: true });
          s.close();
        }, 5, false);
        return { ms, baselineMs, note: `baseline = bare integrity_check; book check --full ${Math.round(fullMs).toLocaleString('en-US')} ms` };
      }),
  },
];
