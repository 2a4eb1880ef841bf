/**
 * Ledger reads on a 1,000,000-line book: the trial balance of one period against a bare
 * GROUP BY over the same index, and the keyset pages of the detail ledger.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../electron/core/reports/index';
import { accountFamily, detailPage, journalPage } from '../../electron/core/ledger/lines';
import { exportHledger } from '../../electron/core/ledger/hledger';
import { bigBook } from './gen-book';
import { timeIt, type BenchCase, type BenchSize } from './types';

const linesFor = (size: BenchSize) => (size === 'smoke' ? 4_000 : 1_000_000);

function withBook<T>(size: BenchSize, fn: (book: ReturnType<typeof bigBook>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const book = bigBook({ dir, lines: linesFor(size), customers: size === 'smoke' ? 50 : 10_000 });
  return fn(book).finally(() => {
    book.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export const cases: BenchCase[] = [
  {
    name: 'trial balance, one period, 1,000,000 lines',
    target: '≤ 2× GROUP BY, < 200 ms',
    maxMs: 200,
    maxRatio: 2,
    run: (size) =>
      withBook(size, async (book) => {
        const params = { from: '2026-06', to: '2026-06', filters: {}, locale: 'zh-CN' as const };
        const ms = await timeIt(() => runReport(book, 'trial-balance', params), 7);
        const baseline = book.sqlite.prepare(
          `SELECT account_code, SUM(debit_fen), SUM(credit_fen) FROM voucher_line WHERE posted = 1 AND period = ? GROUP BY account_code`,
        );
        const baselineMs = await timeIt(() => baseline.all('2026-06'), 7);
        return { ms, baselineMs, note: `${linesFor(size).toLocaleString('en-US')} lines` };
      }),
  },
  {
    name: 'detail ledger page 51 (5602 and sub-accounts, a year), 1,000,000 lines',
    target: '< 50 ms a page; baseline: ORDER BY … OFFSET',
    maxMs: 50,
    run: (size) =>
      withBook(size, async (book) => {
        const req = { account: '5602', from: '2026-01', to: '2026-12', limit: 100 };
        let after: string | null = null;
        for (let i = 0; i < 50; i++) after = detailPage(book, { ...req, after }).next;
        const ms = await timeIt(() => detailPage(book, { ...req, after }), 7);
        // What a grid without keyset paging would run for the same page.
        const family = accountFamily(book, '5602');
        const offset = book.sqlite.prepare(
          `SELECT l.* FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            WHERE l.posted = 1 AND l.period BETWEEN ? AND ? AND l.account_code IN (${family.map(() => '?').join(',')})
            ORDER BY l.period, v.number, l.line_no LIMIT 100 OFFSET 5000`,
        );
        const baselineMs = await timeIt(() => offset.all('2026-01', '2026-12', ...family), 3);
        const journalMs = await timeIt(() => journalPage(book, { from: '2026-06', to: '2026-12', limit: 100 }), 7);
        return { ms, baselineMs, note: `journal page ${Math.round(journalMs * 10) / 10} ms` };
      }),
  },
  ...[1, 10_000].map(
    (page): BenchCase => ({
      name: `detail ledger page ${page.toLocaleString('en-US')} (keyset, 25 rows), 1,000,000 lines`,
      target: '< 50 ms; baseline: ORDER BY … OFFSET',
      maxMs: 50,
      run: (size) =>
        withBook(size, async (book) => {
          // 应收账款 carries a quarter of the lines: 250,000, i.e. 10,000 pages of 25.
          const wanted = size === 'smoke' ? Math.min(page, 10) : page;
          const req = { account: '1122', from: '2026-01', to: '2026-12', limit: 25 };
          let after: string | null = null;
          for (let i = 1; i < wanted; i++) after = detailPage(book, { ...req, after }).next;
          const rows = detailPage(book, { ...req, after }).rows.length;
          if (rows === 0) throw new Error(`page ${wanted} is empty`);
          const ms = await timeIt(() => detailPage(book, { ...req, after }), 7);
          const offset = book.sqlite.prepare(
            `SELECT l.* FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
              WHERE l.posted = 1 AND l.period BETWEEN ? AND ? AND l.account_code = ?
              ORDER BY l.period, v.number, l.line_no LIMIT 25 OFFSET ?`,
          );
          const baselineMs = await timeIt(() => offset.all('2026-01', '2026-12', '1122', (wanted - 1) * 25), 3);
          return { ms, baselineMs, note: `page ${wanted}` };
        }),
    }),
  ),
  {
    name: 'trial balance by hledger on our exported journal (for comparison)',
    target: 'we are faster; ratio = ours / hledger',
    maxRatio: 1,
    run: (size) =>
      withBook(size, async (book) => {
        const hledger = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
        if (hledger.status !== 0) return { ms: NaN, note: 'hledger not installed: skipped' };
        const dir = mkdtempSync(join(tmpdir(), 'cl-hledger-'));
        try {
          const file = join(dir, 'book.journal');
          exportHledger(book, file);
          const params = { from: '2026-06', to: '2026-06', filters: {}, locale: 'zh-CN' as const };
          const ms = await timeIt(() => runReport(book, 'trial-balance', params), 5);
          // hledger's own time for the same period's balances (one run: it re-reads the journal).
          const t = performance.now();
          const r = spawnSync('hledger', ['-f', file, 'bal', '-p', '2026-06', '--flat'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
          const baselineMs = performance.now() - t;
          if (r.status !== 0) throw new Error(`hledger failed: ${r.stderr}`);
          return { ms, baselineMs, note: 'baseline = hledger bal' };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
  },
];
