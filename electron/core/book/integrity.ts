/**
 * SQLite's full integrity check of a book file in a thread of its own (integrity-worker.ts).
 * It is the longest part of `book check` (about 5 s of one core on the 1,000,000-line
 * benchmark book, all in SQLite), so it runs beside the other checks instead of before them.
 */
import { Worker } from 'node:worker_threads';
import type { Sqlite } from '../db/sqlite';
import { workerScript } from '../jobs/worker-script';

/** Resolves with integrity_check's first row ('ok' when the file is sound) or an error's text. */
export function integrityInThread(path: string): Promise<string> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (text: string) => {
      if (!settled) resolve(text);
      settled = true;
    };
    try {
      const { script, eval: isCode } = workerScript(import.meta.url, 'integrity-worker.ts', 'integrity-worker');
      const worker = new Worker(script, { workerData: { path }, eval: isCode });
      worker.on('message', (m: { ok: true; integrity: string } | { ok: false; error: string }) => done(m.ok ? m.integrity : m.error));
      worker.on('error', (e) => done(e.message));
      worker.on('exit', (code) => done(`integrity check stopped (exit ${code})`));
    } catch (e) {
      done((e as Error).message);
    }
  });
}

/**
 * What opening a book checks before showing it: SQLite's quick_check of the schema and of
 * the small tables that say what the book is and what its first screens show (its facts,
 * migrations, periods, chart and trial-balance totals). Milliseconds on any book, where a
 * quick_check of the whole 292 MB benchmark book reads every page (0.7-0.9 s) and
 * integrity_check 5-6 s. The rest of the file is covered by the full `book check`, which
 * the app runs in the background right after opening (a job; the home page shows its
 * outcome), and any read of a damaged page meanwhile fails with SQLITE_CORRUPT instead of
 * returning wrong data, since SQLite checks each page's structure as it reads it.
 */
export const OPEN_CHECKED_TABLES = ['book_meta', '_migration', 'period', 'account', 'ledger_total'];

/** 'ok', or the first problem quick_check names. */
export function quickCheckAtOpen(sqlite: Sqlite): string {
  const present = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  for (const t of OPEN_CHECKED_TABLES) {
    if (!present.has(t)) continue;
    const r = String(sqlite.pragma(`quick_check(${t})`, { simple: true }));
    if (r !== 'ok') return r;
  }
  return 'ok';
}
