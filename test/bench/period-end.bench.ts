/**
 * Month-end on the 1,000,000-line book (12 months of 2026, ~83,000 lines a month with
 * customer and employee dimensions): 结转损益 + 结账检查 + 结账 of one month, each in its own
 * transaction as the app runs them. January to May are transferred and closed first (not
 * timed); then June, July, August, September and October are each done once, timed, and
 * the median reported. Baseline, in the same run: the bare GROUP BY over the month's posted
 * P&L lines by account × dimensions, the least any transfer must read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCheck } from '../../electron/core/closing/check';
import { transferPl } from '../../electron/core/closing/transfer';
import { closePeriod } from '../../electron/core/ledger/periods';
import { bigBook } from './gen-book';
import { median, type BenchCase, type BenchSize } from './types';

const linesFor = (size: BenchSize) => (size === 'smoke' ? 4_000 : 1_000_000);

export const cases: BenchCase[] = [
  {
    name: '结转损益 + 结账检查 + close of one month, 1,000,000 lines',
    target: '< 1 s',
    maxMs: 1_000,
    run: async (size) => {
      const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
      const book = bigBook({ dir, lines: linesFor(size), customers: size === 'smoke' ? 50 : 10_000 });
      try {
        for (const p of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) book.tx(() => (transferPl(book, p), closePeriod(book, p)));
        const ours: number[] = [];
        const base: number[] = [];
        let lines = 0;
        const baseline = book.sqlite.prepare(
          `SELECT account_code, customer_id, employee_id, department_id, category_id, SUM(debit_fen) - SUM(credit_fen) AS b
             FROM voucher_line WHERE posted = 1 AND period = ? AND account_code IN (SELECT code FROM account WHERE type IN ('revenue','expense'))
            GROUP BY 1, 2, 3, 4, 5`,
        );
        for (const p of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) {
          let t = performance.now();
          baseline.all(p);
          base.push(performance.now() - t);
          t = performance.now();
          const r = book.tx(() => transferPl(book, p));
          const check = closeCheck(book, p);
          if (check.blockers.length) throw new Error(`${p}: ${check.blockers.map((b) => b.code).join()}`);
          book.tx(() => closePeriod(book, p));
          ours.push(performance.now() - t);
          lines += r.lines;
        }
        return { ms: median(ours), baselineMs: median(base), note: `median of 5 months; ${Math.round(lines / 5)} closing lines a month; baseline = bare GROUP BY of the month's P&L lines by account × dimensions` };
      } finally {
        book.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
