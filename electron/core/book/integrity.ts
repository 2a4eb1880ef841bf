/**
 * SQLite's full integrity check of a book file in two threads of their own
 * (integrity-worker.ts), beside the other checks of `book check`. It is the longest part
 * (about 5 s of one core on the 1,000,000-line benchmark book, all in SQLite), so it is
 * split by table: `PRAGMA integrity_check(TABLE)` (SQLite ≥ 3.33) checks that table and its
 * indexes only (https://sqlite.org/pragma.html#pragma_integrity_check). What the per-table
 * form leaves out, the whole-file accounting (every page used exactly once: freelist,
 * pages lost or used twice) and the schema table, is what quick_check does for the whole
 * file without the index-against-table comparison (https://sqlite.org/pragma.html#pragma_quick_check),
 * so one thread also runs a whole-file quick_check: together they cover what
 * integrity_check covers. On the benchmark book voucher_line and its five indexes are
 * about four fifths of the work; the split gives the heaviest tables to one thread and
 * the rest plus quick_check to the other.
 */
import { Worker } from 'node:worker_threads';
import type { Sqlite } from '../db/sqlite';
import { workerScript } from '../jobs/worker-script';
import type { PartResult } from './check';

/** Resolves with 'ok' when the file is sound, else the first problem a thread names (or an error's text). */
export async function integrityInThreads(sqlite: Sqlite, path: string): Promise<string> {
  const [heavy, light] = splitTables(sqlite);
  const texts = await Promise.all([inThread(path, heavy, false), inThread(path, light, true)]);
  return texts.find((t) => t !== 'ok') ?? 'ok';
}

/**
 * What `book check` runs by default (without --full), in one thread beside the other
 * checks: the whole-file quick_check. It does what integrity_check does (every page's
 * structure and accounting, every record's format, NOT NULL and CHECK constraints, each
 * index's number of entries: quick-check.test.ts shows the count on the SQLite we ship)
 * except "verify UNIQUE constraints and ... that index content matches table content"
 * (https://sqlite.org/pragma.html#pragma_quick_check); that row-by-row lookup of every row
 * in every index is most of integrity_check's cost: about 5 s against 1 s of one core on the
 * 1,000,000-line book. The report says which one ran (check.ts).
 */
export const quickIntegrityInThread = (path: string): Promise<string> => inThread(path, [], true);

/**
 * Two lists of every table, balanced by a cheap weight: a table's row count (its largest
 * rowid, a B-tree descent) times one plus its indexes, since integrity_check looks every
 * row up in every index. The second list also gets the whole-file quick_check, about a
 * sixth of the full check, counted as such.
 */
export function splitTables(sqlite: Sqlite): [string[], string[]] {
  // Raw SQL on purpose in this file: a bare connection (no Book), SQLite's schema table and
  // pragmas, and tables by dynamic name, none of which the typed builder knows.
  const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  tables.push(...(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite_%'`).pluck().all() as string[]));
  const weighted = tables.map((t) => ({ t, w: weight(sqlite, t) })).sort((a, b) => b.w - a.w);
  const total = weighted.reduce((s, x) => s + x.w, 0);
  const bins: [{ ts: string[]; w: number }, { ts: string[]; w: number }] = [{ ts: [], w: 0 }, { ts: [], w: total / 6 }];
  for (const x of weighted) {
    const bin = bins[0].w <= bins[1].w ? bins[0] : bins[1];
    bin.ts.push(x.t);
    bin.w += x.w;
  }
  return [bins[0].ts, bins[1].ts];
}

function weight(sqlite: Sqlite, table: string): number {
  const q = `"${table.replaceAll('"', '""')}"`;
  const indexes = (sqlite.prepare(`SELECT count(*) FROM pragma_index_list(?)`).pluck().get(table) as number) ?? 0;
  let rows = 0;
  try {
    rows = Number(sqlite.prepare(`SELECT max(rowid) FROM ${q}`).pluck().get() ?? 0);
  } catch {
    // A WITHOUT ROWID table: count its rows instead (only small ones exist in a book).
    rows = sqlite.prepare(`SELECT count(*) FROM ${q}`).pluck().get() as number;
  }
  return (rows + 1) * (1 + indexes);
}

function inThread(path: string, tables: string[], quick: boolean): Promise<string> {
  return thread<{ ok: true; integrity: string } | { ok: false; error: string }>('integrity-worker', { path, tables, quick }).then((m) =>
    'exited' in m ? `integrity check stopped (exit ${m.exited})` : 'failed' in m ? m.failed : m.ok ? m.integrity : m.error,
  );
}

/**
 * `book check`'s other parts named in `parts` (check.ts), in a thread of their own on a read
 * connection of their own (check-worker.ts). Null when that thread fails to start, stops or
 * errs: the caller then runs them itself (an error a part throws is thrown again there, as
 * it would have been without the thread).
 */
export function partsInThread(path: string, parts: readonly string[]): Promise<Record<string, PartResult> | null> {
  return thread<{ ok: true; results: Record<string, PartResult> } | { ok: false; error: string }>('check-worker', { path, parts }).then((m) =>
    'ok' in m && m.ok ? m.results : null,
  );
}

/** The first message of a worker started from `<name>.ts` beside this file (or the bundle's `<name>.js`), or how it failed. */
function thread<M extends object>(name: string, workerData: unknown): Promise<M | { exited: number } | { failed: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (m: M | { exited: number } | { failed: string }) => {
      if (!settled) resolve(m);
      settled = true;
    };
    try {
      const { script, eval: isCode } = workerScript(import.meta.url, `${name}.ts`, name);
      const worker = new Worker(script, { workerData, eval: isCode });
      worker.on('message', (m: M) => done(m));
      worker.on('error', (e) => done({ failed: e.message }));
      worker.on('exit', (code) => done({ exited: code }));
    } catch (e) {
      done({ failed: (e as Error).message });
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
