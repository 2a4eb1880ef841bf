/**
 * Ledger reads on a 1,000,000-line book: the trial balance of one period against a bare
 * GROUP BY over the same index, and the keyset pages of the detail ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../electron/core/reports/index';
import { accountFamily, detailPage, journalPage } from '../../electron/core/ledger/lines';
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
];
